package io.tierwatch.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.scoring.Http;
import io.tierwatch.scoring.ScoringIT;
import tools.jackson.databind.JsonNode;

@ScoringIT
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void servesAnOpenApiDocumentWithEachOperationsStatusesAndProblemResponses() {
        Http.Reply docs = Http.get(port, "/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.get("info").get("title").asString()).isEqualTo("Tierwatch scoring-service");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/customers/{id}", "/api/v1/customers",
                "/api/v1/portfolio");
        JsonNode customer = api.get("paths").get("/api/v1/customers/{id}").get("get").get("responses");
        assertThat(customer.propertyNames()).contains("200", "401", "403", "404");
        assertThat(customer.get("404").get("content").propertyNames()).containsExactly("application/problem+json");
        assertThat(api.get("paths").get("/api/v1/customers").get("get").get("responses").propertyNames()).contains("400");
        assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(Http.get(port, "/v3/api-docs", null).status()).as("the document needs a token too").isEqualTo(401);
    }
}
