package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;

/** Starting an import and waiting for its end, as a client does: 202, then its status until DONE or FAILED. */
final class Imports {

    private Imports() {
    }

    /** @return the import's final status */
    static JsonNode finished(Http http, Http.Response started, Duration timeout) {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("importId").asString();
        assertThat(started.header("Location")).isEqualTo("/api/v1/imports/" + id);
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/v1/imports/" + id).json(),
                        s -> Set.of("DONE", "FAILED").contains(s.get("state").asString()));
    }
}
