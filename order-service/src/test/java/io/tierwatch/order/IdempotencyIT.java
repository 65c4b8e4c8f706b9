package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void publishesAResubmittedOrderOnce() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            assertThat(http.post("/api/v1/orders", Orders.order(orderId, customer)).status()).isEqualTo(202);
            // the same amounts written differently are the same content
            Http.Response again = http.post("/api/v1/orders", Orders.order(orderId, customer).replace("\"12.50\"", "\"12.5\""));

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("duplicate").asBoolean()).isTrue();
            assertOnlyEvents(probe, customer, orderId);
        }
    }

    @Test
    void refusesAnOrderIdResubmittedWithOtherContent() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        Http http = new Http(port);
        assertThat(http.post("/api/v1/orders", Orders.order(orderId, customer)).status()).isEqualTo(202);

        Http.Response changed = http.post("/api/v1/orders", Orders.order(orderId, customer).replace("\"quantity\":10", "\"quantity\":11"));

        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:conflict");
    }

    @Test
    void recognisesAnOrderAProcessPublishedBeforeDyingWithoutMarkingItDone() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            assertThat(http.post("/api/v1/orders", Orders.order(orderId, customer)).status()).isEqualTo(202);
            probe.await(1, r -> customer.equals(r.key()), WAIT);
            // what a crash between the broker's ack and the Redis update leaves behind
            leavePendingClaim("order-placed:" + orderId, Fingerprint.of(Orders.placed(orderId, customer)));

            Http.Response retry = http.post("/api/v1/orders", Orders.order(orderId, customer));

            assertThat(retry.status()).isEqualTo(200);
            assertOnlyEvents(probe, customer, orderId);
        }
    }

    @Test
    void publishesAnOrderWhoseClaimantDiedBeforePublishing() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        leavePendingClaim("order-placed:" + orderId, Fingerprint.of(Orders.placed(orderId, customer)));
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http.Response retry = new Http(port).post("/api/v1/orders", Orders.order(orderId, customer));

            assertThat(retry.status()).isEqualTo(202);
            probe.await(1, r -> customer.equals(r.key()), WAIT);
            assertOnlyEvents(probe, customer, orderId);
        }
    }

    @Test
    void publishesAResubmittedTicketOnceAndRefusesOtherContent() {
        String customer = Orders.unique("cust");
        String ticketId = Orders.unique("tkt");
        Http http = new Http(port);

        assertThat(http.post("/api/v1/service-tickets", Orders.ticket(ticketId, customer)).status()).isEqualTo(202);
        assertThat(http.post("/api/v1/service-tickets", Orders.ticket(ticketId, customer)).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/service-tickets", Orders.ticket(ticketId, customer).replace("\"labourMinutes\":90", "\"labourMinutes\":95")).status())
                .isEqualTo(409);
    }

    @Test
    void answersInProgressWhileAnotherRequestHoldsTheClaim() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        String now = String.valueOf(System.currentTimeMillis());
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.hset("tw:order:submission:order-placed:" + orderId, Map.of("fp",
                    Fingerprint.of(Orders.placed(orderId, customer)), "state", "pending", "since", now, "first", now));
        }

        Http.Response response = new Http(port).post("/api/v1/orders", Orders.order(orderId, customer));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:in-progress");
    }

    @Test
    void loadsItsScriptsAgainWhenRedisLostThem() {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.scriptFlush();
        }

        Http.Response response = new Http(port).post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust")));

        assertThat(response.status()).isEqualTo(202);
    }

    /** The customer's only event on the orders topic is the order, once (a later order proves nothing else came). */
    private void assertOnlyEvents(KafkaProbe probe, String customer, String orderId) {
        String sentinel = Orders.unique("ord");
        assertThat(new Http(port).post("/api/v1/orders", Orders.order(sentinel, customer)).status()).isEqualTo(202);
        probe.await(1, r -> customer.equals(r.key()) && r.value() != null
                && new String(r.headers().lastHeader("ce_id").value()).equals("order-placed:" + sentinel), WAIT);
        assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject())).extracting(EventEnvelope::id)
                .containsExactly("order-placed:" + orderId, "order-placed:" + sentinel);
    }

    private static void leavePendingClaim(String eventId, String fingerprint) {
        String longAgo = String.valueOf(System.currentTimeMillis() - 30_000);
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.hset("tw:order:submission:" + eventId,
                    Map.of("fp", fingerprint, "state", "pending", "since", longAgo, "first", longAgo));
        }
    }
}
