package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Ids;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;

/**
 * Bodies the API once accepted and published wrongly, or answered with a 500: each is now a 4xx
 * problem naming what is wrong, and nothing of it reaches Kafka. The rules are the contract's
 * (the consumers refuse the same values in a record).
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void refusesValuesThatWouldBeCoercedOrMisreadAndPublishesNone() {
        String customer = Orders.unique("cust");
        String order = Orders.order(Orders.unique("ord"), customer);
        Map<String, String> badBodies = Map.of(
                "lines[0].quantity", order.replace("\"quantity\":10", "\"quantity\":2.5"),
                "lines[0].unitPrice", order.replace("\"12.50\"", "12.50"),
                "orderId", order.replaceFirst("\"orderId\":\"[^\"]+\"", "\"orderId\":4711"),
                "occurredAt", order.replace("\"2026-03-01T10:00:00Z\"", "12345"),
                "lines[1].discount", order.replace("\"unitCost\":\"0.40\"}", "\"unitCost\":\"0.40\",\"discount\":\"5.98\"}"),
                "body", order.replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"currency\":\"EUR\""));
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http http = new Http(port);
            badBodies.forEach((field, body) -> {
                Http.Response response = http.post("/api/v1/orders", body);
                assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body())
                        .containsExactly(field);
                // the API's words, not Jackson's or a class name
                assertThat(response.body()).doesNotContain("tools.jackson", "java.lang", "Cannot coerce", "io.tierwatch");
            });
            // a discount of exactly the line total is a free line, and accepted
            assertThat(http.post("/api/v1/orders", Orders.order(Orders.unique("ord"), customer)
                    .replace("\"unitCost\":\"0.40\"}", "\"unitCost\":\"0.40\",\"discount\":\"5.97\"}")).status())
                    .isEqualTo(202);
            probe.await(1, r -> customer.equals(r.key()), WAIT);
            assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject()))
                    .extracting(EventEnvelope::id).hasSize(1);
        }
    }

    @Test
    void refusesIdsLongerThanTheContractAllowsWith400NotA500() {
        String tooLong = "x".repeat(Ids.MAX_LENGTH + 1);
        String longest = "y".repeat(Ids.MAX_LENGTH);
        Http http = new Http(port);

        List<Http.Response> refused = List.of(
                http.post("/api/v1/orders", Orders.order(tooLong, Orders.unique("cust"))),
                http.post("/api/v1/orders", Orders.order(Orders.unique("ord"), tooLong)),
                http.post("/api/v1/service-tickets", Orders.ticket(tooLong, Orders.unique("cust"))),
                http.put("/api/v1/customers/" + tooLong, "{\"name\":\"Long Ltd\"}"));

        for (Http.Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains(Ids.MESSAGE);
        }
        // the longest id allowed is accepted everywhere, derived ids included
        assertThat(http.post("/api/v1/orders", Orders.order(longest, longest)).status()).isEqualTo(202);
        assertThat(http.put("/api/v1/customers/" + longest, "{\"name\":\"Long Ltd\"}").status()).isEqualTo(202);
    }

    @Test
    void refusesAWildcardContentTypeWith415AndAPathWithASemicolonWith400() {
        Http http = new Http(port);
        String customer = Orders.unique("cust");

        Http.Response wildcard = http.send(http.request("/api/v1/orders").header("Content-Type", "application/*")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Orders.order(Orders.unique("ord"), customer))));
        Http.Response semicolon = http.put("/api/v1/customers/" + customer + ";other", "{\"name\":\"Semi Ltd\"}");

        assertThat(wildcard.status()).as(wildcard.body()).isEqualTo(415);
        assertThat(wildcard.contentType()).startsWith("application/problem+json");
        assertThat(semicolon.status()).as(semicolon.body()).isEqualTo(400);
        assertThat(semicolon.json().get("detail").asString()).contains("';'");
        assertThat(http.get("/api/v1/customers/" + customer).status()).as("nothing stored under the cut id").isEqualTo(404);
    }

    @Test
    void refusesAnOrderATicketAndAReturnDatedInTheFutureAndPublishesNone() {
        Http http = new Http(port);
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.SERVICE_TICKETS)) {
            Http.Response order = http.post("/api/v1/orders", Orders.order(orderId, customer)
                    .replace("2026-03-01T10:00:00Z", "3000-01-01T00:00:00Z"));
            Http.Response ticket = http.post("/api/v1/service-tickets", Orders.ticket(Orders.unique("tkt"), customer)
                    .replace("2026-03-02T10:00:00Z", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString()));

            for (Http.Response refused : List.of(order, ticket)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("occurredAt");
                assertThat(refused.body()).contains("in the future");
            }
            // the customer's only record is a later, well-dated order
            assertThat(http.post("/api/v1/orders", Orders.order(orderId, customer)).status()).isEqualTo(202);
            Http.Response futureReturn = http.post("/api/v1/orders/" + orderId + "/returns", Orders.returnOf(
                    Orders.unique("ret"), "BOLT-7", 1).replaceAll("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"3000-01-01T00:00:00Z\""));
            assertThat(futureReturn.status()).as(futureReturn.body()).isEqualTo(400);
            probe.await(1, r -> customer.equals(r.key()), java.time.Duration.ofSeconds(30));
            assertThat(probe.records()).filteredOn(r -> customer.equals(r.key())).hasSize(1);
        }
    }
}
