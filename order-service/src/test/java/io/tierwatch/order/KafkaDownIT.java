package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.testsupport.FreePorts;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * A real unreachable broker: the bootstrap address is a loopback port nobody listens on, so
 * every connection is refused, as when Kafka is down. Redis is up.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=order-service",
        "tierwatch.topics.create=false",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=1500",
        "spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "tierwatch.publish.ack-timeout=6s"})
class KafkaDownIT {

    private static final int DEAD_PORT = FreePorts.find();

    @DynamicPropertySource
    static void deadBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_PORT);
        // a store that was in use before Kafka went away (with neither, the service cannot tell a fresh
        // store from a lost one, and rightly answers store-recovering): the case here is Kafka's outage alone
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.setnx("tw:order:store", "fresh");
        }
    }

    @LocalServerPort
    int port;

    private final MeterRegistry meters;

    KafkaDownIT(@Autowired MeterRegistry meters) {
        this.meters = meters;
    }

    @Test
    void isNotReadyWhileKafkaIsDown() {
        Http.Response readiness = Http.anonymous(port).get("/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
        assertThat(Http.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void answers503AndAcceptsNothingWhileKafkaIsDown() {
        String orderId = Orders.unique("ord");

        Http.Response response = new Http(port).post("/api/v1/orders", Orders.order(orderId, Orders.unique("cust")));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:broker-unavailable");
        assertThat(meters.find("tierwatch.requests.accepted").tag("type", "order").counters()).isEmpty();
        assertThat(meters.get("tierwatch.requests.rejected").tag("reason", "broker-unavailable").counter().count())
                .isPositive();
        // the claim was given back, so the client's retry can publish once Kafka is back
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            assertThat(jedis.exists("tw:order:submission:order-placed:" + orderId)).isFalse();
        }
    }

    @Test
    void stopsAnImportVisiblyWhenKafkaDoesNotAcknowledge() {
        Http http = new Http(port);
        Http.Response started = http.postCsv("/api/v1/imports?currency=EUR", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                K1,SKU1,X,2,2010-12-01 08:26:00,2.50,700001.0,United Kingdom
                """);
        String id = started.json().get("importId").asString();

        JsonNode status = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/v1/imports/" + id).json(), s -> !Set.of("QUEUED", "RUNNING")
                        .contains(s.get("state").asString()));

        assertThat(status.get("state").asString()).isEqualTo("FAILED");
        assertThat(status.get("error").asString()).contains("Kafka did not acknowledge");
        assertThat(status.get("rowsPublished").asLong()).isZero();
    }

    @Test
    void keepsNoCustomerDataKafkaDidNotTake() {
        String customer = Orders.unique("cust");
        Http http = new Http(port);

        Http.Response put = http.put("/api/v1/customers/" + customer, "{\"name\":\"Acme\",\"strategic\":false}");

        assertThat(put.status()).isEqualTo(503);
        assertThat(http.get("/api/v1/customers/" + customer).status()).isEqualTo(404);
    }
}
