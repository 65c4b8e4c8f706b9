package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.ReturnedLine;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReturnsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** Three bolts at 10.00 with 1.00 off the line: the discount does not split evenly. */
    private String placeOrder(String orderId, String customer) {
        Http.Response placed = new Http(port).post("/api/v1/orders", """
                {"orderId":"%s","customerId":"%s","occurredAt":"2026-03-01T10:00:00Z","currency":"EUR",
                 "lines":[{"sku":"BOLT-7","quantity":3,"unitPrice":"10.00","unitCost":"6.00","discount":"1.00"}]}
                """.formatted(orderId, customer));
        assertThat(placed.status()).isEqualTo(202);
        return "/api/v1/orders/" + orderId + "/returns";
    }

    @Test
    void publishesReturnsThatTogetherRefundExactlyTheLineRevenue() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        String returns = placeOrder(orderId, customer);
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            String first = Orders.unique("ret");
            Http.Response response = http.post(returns, Orders.returnOf(first, "BOLT-7", 1));
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.json().get("eventId").asString()).isEqualTo("lines-returned:" + first);
            assertThat(http.post(returns, Orders.returnOf(Orders.unique("ret"), "BOLT-7", 2)).status()).isEqualTo(202);

            var events = probe.await(2, r -> customer.equals(r.key()), WAIT).stream()
                    .map(CloudEventsKafka::fromRecord).map(e -> e.dataAs(OrderLinesReturned.class)).toList();
            assertThat(events).allSatisfy(e -> assertThat(e.orderId()).isEqualTo(orderId));
            assertThat(events).flatExtracting(OrderLinesReturned::lines).extracting(ReturnedLine::refund)
                    .containsExactly(Money.parse("9.67"), Money.parse("19.33"));
            assertThat(events).flatExtracting(OrderLinesReturned::lines).extracting(ReturnedLine::costOfGoods)
                    .containsExactly(Money.parse("6.00"), Money.parse("12.00"));
        }
    }

    @Test
    void refusesToReturnMoreThanIsLeftAndPublishesNothing() {
        String customer = Orders.unique("cust");
        String returns = placeOrder(Orders.unique("ord"), customer);
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            assertThat(http.post(returns, Orders.returnOf(Orders.unique("ret"), "BOLT-7", 2)).status()).isEqualTo(202);

            Http.Response tooMany = http.post(returns, Orders.returnOf(Orders.unique("ret"), "BOLT-7", 2));

            assertThat(tooMany.status()).isEqualTo(422);
            assertThat(tooMany.json().get("errors").findValuesAsString("field")).containsExactly("lines[0].quantity");
            // the refused return reserved nothing: the one unit left can still come back
            String last = Orders.unique("ret");
            assertThat(http.post(returns, Orders.returnOf(last, "BOLT-7", 1)).status()).isEqualTo(202);
            probe.await(2, r -> customer.equals(r.key()), WAIT);
            assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject())).hasSize(2)
                    .last().extracting(EventEnvelope::id).isEqualTo("lines-returned:" + last);
        }
    }

    @Test
    void refusesASkuTheOrderDidNotContainAndAnOrderItDoesNotKnow() {
        String returns = placeOrder(Orders.unique("ord"), Orders.unique("cust"));
        Http http = new Http(port);

        Http.Response unknownSku = http.post(returns, Orders.returnOf(Orders.unique("ret"), "NUT-2", 1));
        Http.Response unknownOrder = http.post("/api/v1/orders/" + Orders.unique("ord") + "/returns",
                Orders.returnOf(Orders.unique("ret"), "BOLT-7", 1));

        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.json().get("errors").findValuesAsString("field")).containsExactly("lines[0].sku");
        assertThat(unknownOrder.status()).isEqualTo(404);
    }

    @Test
    void recognisesAReturnAProcessPublishedBeforeDyingWithoutReservingItTwice() {
        String customer = Orders.unique("cust");
        String returns = placeOrder(Orders.unique("ord"), customer);
        String returnId = Orders.unique("ret");
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            assertThat(http.post(returns, Orders.returnOf(returnId, "BOLT-7", 1)).status()).isEqualTo(202);
            probe.await(1, r -> customer.equals(r.key()), WAIT);
            // what a crash between the broker's ack and the Redis update leaves behind
            String longAgo = String.valueOf(System.currentTimeMillis() - 30_000);
            try (var jedis = RealInfrastructure.redis().connect()) {
                jedis.hset("tw:order:submission:lines-returned:" + returnId,
                        java.util.Map.of("state", "pending", "since", longAgo, "first", longAgo));
            }

            assertThat(http.post(returns, Orders.returnOf(returnId, "BOLT-7", 1)).status()).isEqualTo(200);
            // still exactly two units left to return, and no second copy of the first return
            assertThat(http.post(returns, Orders.returnOf(Orders.unique("ret"), "BOLT-7", 3)).status()).isEqualTo(422);
            String rest = Orders.unique("ret");
            assertThat(http.post(returns, Orders.returnOf(rest, "BOLT-7", 2)).status()).isEqualTo(202);
            probe.await(2, r -> customer.equals(r.key()), WAIT);
            assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject()))
                    .extracting(EventEnvelope::id).containsExactly("lines-returned:" + returnId, "lines-returned:" + rest);
        }
    }

    @Test
    void publishesAResubmittedReturnOnceAndRefusesOtherContent() {
        String returns = placeOrder(Orders.unique("ord"), Orders.unique("cust"));
        String returnId = Orders.unique("ret");
        Http http = new Http(port);

        assertThat(http.post(returns, Orders.returnOf(returnId, "BOLT-7", 1)).status()).isEqualTo(202);
        assertThat(http.post(returns, Orders.returnOf(returnId, "BOLT-7", 1)).status()).isEqualTo(200);
        assertThat(http.post(returns, Orders.returnOf(returnId, "BOLT-7", 2)).status()).isEqualTo(409);
        // the duplicate reserved nothing more: two units are still returnable
        assertThat(http.post(returns, Orders.returnOf(Orders.unique("ret"), "BOLT-7", 2)).status()).isEqualTo(202);
    }
}
