package io.tierwatch.notification.delivery;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.notification.security.Viewer;
import io.tierwatch.security.Caller;
import io.tierwatch.notification.web.Problems;

/**
 * {@code GET /api/v1/alerts?rep=}: the delivery log; a rep reads their own, a manager anyone's or all.
 * {@code POST /api/v1/alerts/{id}/acknowledgement}: the owner (or their manager) marks one handled.
 */
@RestController
class AlertLogController {

    private final AlertLog log;
    private final Acknowledgements acknowledgements;

    AlertLogController(AlertLog log, Acknowledgements acknowledgements) {
        this.log = log;
        this.acknowledgements = acknowledgements;
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

    @ApiResponse(responseCode = "200", description = "the alert, acknowledged (by the first who did, if someone did before)")
    @ApiResponse(responseCode = "403", description = "a system's token: only a person acknowledges", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "an unknown alert, or one outside the caller's books (the same answer)", content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/v1/alerts/{alertId}/acknowledgement")
    AlertLogEntry acknowledge(@PathVariable String alertId, Caller caller) {
        if (!caller.isPerson()) { // a system reading alerts has no one to say it handled one
            throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.FORBIDDEN,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.FORBIDDEN,
                            "an alert is acknowledged by a person: a rep, or their manager"), null);
        }
        Viewer viewer = Viewer.of(caller);
        return acknowledgements.acknowledge(alertId, caller.name(), viewer.scope(null))
                .orElseThrow(() -> Problems.notFound("alert " + alertId));
    }
}
