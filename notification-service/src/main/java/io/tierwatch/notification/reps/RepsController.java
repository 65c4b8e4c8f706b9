package io.tierwatch.notification.reps;

import java.net.URI;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.notification.security.Viewer;
import io.tierwatch.security.Caller;
import io.tierwatch.notification.web.Problems;

/**
 * {@code /api/v1/reps}: a rep reads and changes their own channels, a manager everyone's and may
 * add reps (without login) for owners that are not in configuration. Secrets go in, never out.
 */
@RestController
@RequestMapping("/api/v1/reps")
class RepsController {

    private final RepDirectory reps;
    private final WebhookTargets targets;

    RepsController(RepDirectory reps, WebhookTargets targets) {
        this.reps = reps;
        this.targets = targets;
    }

    @GetMapping
    List<RepView> list(Caller caller) {
        Viewer viewer = Viewer.of(caller);
        return reps.all().stream().filter(rep -> viewer.maySee(rep.id())).map(RepView::of).toList();
    }

    @ApiResponse(responseCode = "200", description = "the rep (secrets never shown)")
    @ApiResponse(responseCode = "404", description = "no such rep", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    RepView one(@PathVariable String id, Caller caller) {
        Viewer.of(caller).requireMaySee(id);
        return reps.find(id).map(RepView::of).orElseThrow(() -> Problems.notFound("rep " + id));
    }

    @ApiResponse(responseCode = "200", description = "the rep as stored (secrets never shown)")
    @ApiResponse(responseCode = "400", description = "an invalid field, or a webhook URL that is not https or resolves to an internal address", content = @Content(mediaType = "application/problem+json"))
    @PutMapping("/{id}")
    RepView change(@PathVariable String id, @RequestBody RepChange change, Caller caller) {
        Viewer viewer = Viewer.of(caller);
        if (reps.find(id).isEmpty()) {
            viewer.requireManager();
        } else {
            viewer.requireMaySee(id);
        }
        if (change.webhookUrl() != null || change.webhookSecret() != null || change.email() != null) {
            viewer.requireSelfOrAdmin(id);
        }
        validate(id, change);
        String refusal = change.webhookUrl() == null ? null : targets.refusal(change.webhookUrl());
        if (refusal != null) {
            throw Problems.invalid("webhookUrl", refusal);
        }
        return RepView.of(reps.change(id, change));
    }

    private static void validate(String id, RepChange change) {
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw Problems.invalid("id", "1 to 64 letters, digits, '.', '_' or '-'");
        }
        URI url = change.webhookUrl();
        if (url != null && (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))) {
            throw Problems.invalid("webhookUrl", "must be an absolute http or https URL");
        }
        if (change.email() != null && !change.email().matches("[^@\\s]+@[^@\\s]+")) {
            throw Problems.invalid("email", "must be an email address");
        }
        if (change.name() != null && (change.name().isBlank() || change.name().length() > 200)) {
            throw Problems.invalid("name", "must be 1 to 200 characters");
        }
        if (change.webhookSecret() != null && change.webhookSecret().length() < 16) {
            throw Problems.invalid("webhookSecret", "must be at least 16 characters");
        }
    }
}
