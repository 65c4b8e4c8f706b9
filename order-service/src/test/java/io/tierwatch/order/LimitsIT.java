package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.testsupport.RealInfrastructure;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LimitsIT {

    @LocalServerPort
    int port;

    @Test
    void refusesABodyLargerThanTheLimitWith413() {
        String padded = Orders.order(Orders.unique("ord"), Orders.unique("cust"))
                .replace("\"shippingCost\"", "\"note\":\"" + "x".repeat(300 * 1024) + "\",\"shippingCost\"");

        Http.Response response = new Http(port).post("/api/v1/orders", padded);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesMoreLinesThanTheLimitWith413() {
        String lines = IntStream.range(0, 501)
                .mapToObj(i -> "{\"sku\":\"S" + i + "\",\"quantity\":1,\"unitPrice\":\"1.00\",\"unitCost\":\"0.50\"}")
                .collect(Collectors.joining(","));
        String body = """
                {"orderId":"%s","customerId":"%s","occurredAt":"2026-03-01T10:00:00Z","currency":"EUR","lines":[%s]}
                """.formatted(Orders.unique("ord"), Orders.unique("cust"), lines);

        Http.Response response = new Http(port).post("/api/v1/orders", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).startsWith("lines:");
    }

    @Test
    void namesEveryMissingFieldAndRefusesOverflowingAmounts() {
        Http http = new Http(port);

        Http.Response missing = http.post("/api/v1/service-tickets", "{\"ticketId\":\"t-1\"}");
        Http.Response overflow = http.post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust"))
                .replace("\"quantity\":10", "\"quantity\":9000000000000").replace("\"12.50\"", "\"9999999999999999.00\""));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .contains("customerId", "occurredAt", "currency", "labourMinutes");
        assertThat(overflow.status()).isEqualTo(400);
        assertThat(overflow.json().get("errors").findValuesAsString("field")).containsExactly("lines[0]");
    }
}
