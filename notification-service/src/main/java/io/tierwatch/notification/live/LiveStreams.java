package io.tierwatch.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.tierwatch.notification.delivery.AlertLog;
import io.tierwatch.notification.delivery.AlertLogEntry;
import io.tierwatch.security.Books;

/**
 * The open live-page streams of this instance and what each may see: one rep's alerts, or all
 * of them for a manager. Browsers reconnect by themselves when a stream times out.
 */
@Component
class LiveStreams {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** A stream shows the alerts of these books: one rep's, a team's, or everyone's. */
    private record Stream(SseEmitter emitter, Books books) {
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final AlertLog log;

    LiveStreams(AlertLog log) {
        this.log = log;
    }

    SseEmitter open(Books books, int backlog) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Stream stream = new Stream(emitter, books);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        // A first comment commits the response, so the client sees the stream open even with no backlog.
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        // Listen before reading the backlog, so nothing falls between; the page drops repeats by id.
        streams.add(stream);
        List<AlertLogEntry> recent = log.recent(books, backlog);
        // Oldest first, so a page that puts each arriving alert on top shows the newest first.
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (!send(stream, recent.get(i))) {
                break;
            }
        }
        return emitter;
    }

    void broadcast(String alertId) {
        if (streams.isEmpty()) {
            return;
        }
        log.entry(alertId).ifPresent(entry -> streams.stream()
                .filter(s -> s.books().includes(entry.alert().repId()))
                .forEach(s -> send(s, entry)));
    }

    /** A comment line now and then, so dead connections are noticed and proxies keep live ones open. */
    void heartbeat() {
        streams.forEach(s -> {
            try {
                s.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                streams.remove(s);
            }
        });
    }

    /** Ends every stream (on shutdown, so graceful shutdown need not wait for them); browsers reconnect elsewhere. */
    void closeAll() {
        streams.forEach(s -> s.emitter().complete());
        streams.clear();
    }

    private boolean send(Stream stream, AlertLogEntry entry) {
        try {
            stream.emitter().send(SseEmitter.event().name("alert").id(entry.alert().alertId())
                    .data(entry, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            streams.remove(stream);
            stream.emitter().completeWithError(e);
            return false;
        }
    }
}
