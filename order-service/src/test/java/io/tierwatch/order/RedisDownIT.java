package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.FreePorts;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;

/** Kafka is up, Redis is a loopback port nobody listens on: duplicates cannot be checked, so nothing is published. */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisDownIT {

    private static final int DEAD_PORT = FreePorts.find();

    @DynamicPropertySource
    static void deadRedis(DynamicPropertyRegistry registry) {
        registry.add("tierwatch.redis.url", () -> "redis://127.0.0.1:" + DEAD_PORT);
    }

    @LocalServerPort
    int port;

    @Test
    void answers503AndPublishesNothingWhileRedisIsDown() {
        String customer = Orders.unique("cust");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http.Response response = new Http(port).post("/api/v1/orders", Orders.order(Orders.unique("ord"), customer));

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:store-unavailable");
            // a record sent now by another producer is seen, and is the only one of this customer
            KafkaProbe.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ORDERS, customer, new byte[0]));
            probe.await(1, r -> customer.equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.records(Topics.ORDERS)).filteredOn(r -> customer.equals(r.key())).hasSize(1);
        }
    }

    @Test
    void isNotReadyWhileRedisIsDown() {
        Http.Response readiness = Http.anonymous(port).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
