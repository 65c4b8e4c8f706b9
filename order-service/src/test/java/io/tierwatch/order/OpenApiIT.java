package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.testsupport.RealInfrastructure;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void servesAnOpenApiDocumentOfEveryEndpoint() {
        Http.Response docs = new Http(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Tierwatch order-service");
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/orders", "/api/v1/orders/{orderId}/returns",
                "/api/v1/service-tickets", "/api/v1/customers/{customerId}", "/api/v1/imports",
                "/api/v1/imports/{importId}");
        var orders = docs.json().get("paths").get("/api/v1/orders").get("post").get("responses");
        assertThat(orders.propertyNames()).contains("202", "200", "400", "401", "403", "409", "413", "415", "503");
        assertThat(orders.get("409").get("content").propertyNames()).containsExactly("application/problem+json");
        assertThat(docs.json().get("paths").get("/api/v1/orders/{orderId}/returns").get("post").get("responses")
                .propertyNames()).contains("404", "422");
        assertThat(docs.json().get("paths").get("/api/v1/service-tickets").get("post").get("responses")
                .propertyNames()).contains("202", "200", "409", "503");
        assertThat(docs.json().get("paths").get("/api/v1/imports").get("post").get("responses").propertyNames())
                .contains("202", "400", "413", "503");
        assertThat(docs.json().get("paths").get("/api/v1/customers/{customerId}").get("get").get("responses")
                .propertyNames()).contains("200", "404");
        assertThat(new Http(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void exposesTheIngestionMetricsToPrometheus() {
        Http http = new Http(port);
        assertThat(http.post("/api/v1/orders", "{}").status()).isEqualTo(400);

        Http.Response scrape = http.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("tierwatch_requests_rejected_total{", "reason=\"invalid\"", "type=\"order\"",
                "tierwatch_import_rows{", "tierwatch_imports_active");
        // actuator shows health, info and the Prometheus scrape, nothing else (no metrics browser)
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(404);
    }
}
