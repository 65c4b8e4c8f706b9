package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

/**
 * Redis loses every record of order-service (a FLUSHALL): no resubmission is accepted as new,
 * not even in the seconds before the loss is noticed, and once the records are recovered from
 * Kafka each resubmission is a duplicate, each return counts against its order as before, and the
 * customers' master data is back. Nothing is published twice.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreRecoveryIT {

    @LocalServerPort
    int port;

    @Test
    void aResubmissionAfterARedisLossIsCountedOnceAndReturnsAndCustomersAreRecovered() {
        Http http = new Http(port);
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        String ticketId = Orders.unique("tkt");
        String order = Orders.order(orderId, customer);
        String ticket = Orders.ticket(ticketId, customer);
        String firstReturn = Orders.returnOf(Orders.unique("ret"), "BOLT-7", 4);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.SERVICE_TICKETS)) {
            assertThat(http.put("/api/v1/customers/" + customer, "{\"name\":\"Kept Ltd\",\"ownerRepId\":\"rep-1\"}").status())
                    .isEqualTo(202);
            assertThat(http.post("/api/v1/orders", order).status()).isEqualTo(202);
            assertThat(http.post("/api/v1/service-tickets", ticket).status()).isEqualTo(202);
            assertThat(http.post("/api/v1/orders/" + orderId + "/returns", firstReturn).status()).isEqualTo(202);
            probe.await(3, r -> customer.equals(r.key()), Duration.ofSeconds(30));

            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                jedis.flushAll();
            }
            // a write that needs no claim, at once: it must not pass for records of an older version
            String other = Orders.unique("cust");
            assertThat(http.put("/api/v1/customers/" + other, "{\"name\":\"New Ltd\"}").status()).isEqualTo(202);

            // at once, and until the records are back: never accepted as new
            List<Integer> answers = new ArrayList<>();
            Http.Response resubmitted = await("the order recognised again").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> http.post("/api/v1/orders", order), r -> {
                        answers.add(r.status());
                        return r.status() != 503;
                    });
            assertThat(answers).as("answers to the resubmission").allMatch(s -> s == 503 || s == 200);
            assertThat(resubmitted.status()).isEqualTo(200);
            assertThat(resubmitted.json().get("duplicate").asBoolean()).isTrue();
            assertThat(http.post("/api/v1/service-tickets", ticket).json().get("duplicate").asBoolean()).isTrue();
            assertThat(http.post("/api/v1/orders/" + orderId + "/returns", firstReturn).json().get("duplicate").asBoolean())
                    .isTrue();
            // the return's reservation is back: 10 bolts ordered, 4 returned, 7 more is too many
            Http.Response tooMany = http.post("/api/v1/orders/" + orderId + "/returns",
                    Orders.returnOf(Orders.unique("ret"), "BOLT-7", 7));
            assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(422);
            assertThat(http.get("/api/v1/customers/" + customer).json().get("name").asString()).isEqualTo("Kept Ltd");
            Http.Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);

            // each event once on Kafka
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                    probe.events(Topics.ORDERS).stream().filter(e -> customer.equals(e.subject())).count() == 2
                            && probe.events(Topics.SERVICE_TICKETS).stream().filter(e -> customer.equals(e.subject()))
                                    .map(EventEnvelope::id).toList().size() == 1);
        }
    }
}
