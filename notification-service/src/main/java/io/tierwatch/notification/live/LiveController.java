package io.tierwatch.notification.live;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.tierwatch.notification.reps.RepDirectory;
import io.tierwatch.notification.security.Viewer;
import io.tierwatch.security.Caller;

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
    SseEmitter stream(@RequestParam(required = false) String rep, Caller caller) {
        return streams.open(Viewer.of(caller).scope(rep), 50);
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me(Caller caller) {
        Viewer viewer = Viewer.of(caller);
        String name = reps.find(viewer.repId()).map(r -> r.name() == null ? r.id() : r.name()).orElse(caller.name());
        Map<String, Object> me = new java.util.LinkedHashMap<>();
        me.put("repId", viewer.repId());
        me.put("name", name);
        me.put("manager", viewer.manager());
        return me;
    }
}
