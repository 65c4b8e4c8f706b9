package io.tierwatch.notification.delivery;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.notification.security.Viewer;
import io.tierwatch.security.Caller;
import io.tierwatch.notification.web.Problems;

/** {@code GET /api/v1/alerts?rep=}: the delivery log; a rep reads their own, a manager anyone's or all. */
@RestController
class AlertLogController {

    private final AlertLog log;

    AlertLogController(AlertLog log) {
        this.log = log;
    }

    @ApiResponse(responseCode = "200", description = "the newest alerts of the books asked for, each with its channels' attempts")
    @ApiResponse(responseCode = "400", description = "a limit outside 1..500", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/alerts")
    List<AlertLogEntry> alerts(@RequestParam(required = false) String rep,
            @RequestParam(defaultValue = "50") int limit, Caller caller) {
        if (limit < 1 || limit > 500) {
            throw Problems.invalid("limit", "must be between 1 and 500");
        }
        return log.recent(Viewer.of(caller).scope(rep), limit);
    }
}
