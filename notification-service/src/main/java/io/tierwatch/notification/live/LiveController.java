package io.tierwatch.notification.live;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.tierwatch.notification.reps.RepDirectory;
import io.tierwatch.notification.security.Viewer;

/** The live page's data: who is logged in, and the Server-Sent Events stream of their alerts. */
@RestController
class LiveController {

    private final LiveStreams streams;
    private final RepDirectory reps;

    LiveController(LiveStreams streams, RepDirectory reps) {
        this.streams = streams;
        this.reps = reps;
    }

    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String rep, Authentication authentication) {
        return streams.open(Viewer.of(authentication).scope(rep), 50);
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me(Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        String name = reps.find(viewer.repId()).map(r -> r.name() == null ? r.id() : r.name()).orElse(viewer.repId());
        return Map.of("repId", viewer.repId(), "name", name, "manager", viewer.manager());
    }
}
