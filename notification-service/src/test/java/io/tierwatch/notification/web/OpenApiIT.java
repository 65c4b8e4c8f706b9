package io.tierwatch.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tierwatch.notification.Api;
import io.tierwatch.notification.NotificationServiceIT;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends NotificationServiceIT {

    @Test
    void servesAnOpenApiDocumentWithEachOperationsStatusesAndProblemResponses() {
        Api.Response docs = Api.asClient(baseUrl(), "reader").get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.get("info").get("title").asString()).isEqualTo("Tierwatch notification-service");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/alerts", "/api/v1/alerts/stream",
                "/api/v1/customers/{customerId}/snooze", "/api/v1/reps", "/api/v1/reps/{id}", "/api/v1/me");
        JsonNode snooze = api.get("paths").get("/api/v1/customers/{customerId}/snooze").get("post").get("responses");
        assertThat(snooze.propertyNames()).contains("200", "400", "401", "403", "404");
        assertThat(snooze.get("404").get("content").propertyNames()).containsExactly("application/problem+json");
        assertThat(api.get("paths").get("/api/v1/customers/{customerId}/snooze").get("delete").get("responses")
                .propertyNames()).contains("204");
        assertThat(Api.anonymous(baseUrl()).get("/v3/api-docs").status()).as("not without a login").isNotEqualTo(200);
    }
}
