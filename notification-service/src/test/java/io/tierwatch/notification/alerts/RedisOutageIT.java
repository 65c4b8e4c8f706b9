package io.tierwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Topics;
import io.tierwatch.notification.Api;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import io.tierwatch.testsupport.RedisServer;

class RedisOutageIT extends NotificationServiceIT {

    @Autowired
    MeterRegistry meters;

    @Test
    void aTierEventReadWhileRedisIsDownIsRetriedAndAlertedOnceRedisIsBack() {
        RedisServer redis = RealInfrastructure.redisServer().orElse(null);
        assumeTrue(redis != null, "Skipped: Redis runs in a container here; this test stops the private redis-server");
        String customerId = newCustomerId();
        givenCustomer(customerId, "Outage Co", "rep-1", false);
        double failuresBefore = failures();

        try (KafkaProbe deadLetters = KafkaProbe.watching(Topics.deadLetterOf(Topics.CUSTOMER_TIER_CHANGES))) {
            redis.stop();
            try {
                Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -300, Set.of()));
                await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
                assertThat(Api.anonymous(baseUrl()).get("/actuator/health").status()).as("health DOWN").isEqualTo(503);
                assertThat(Api.anonymous(baseUrl()).get("/actuator/health/readiness").status()).as("not ready").isEqualTo(503);
            } finally {
                redis.start();
            }
            // The restarted Redis has lost its data (it is a cache of Kafka), so the owner is unknown
            // until the customer is upserted again: the fallback manager gets the alert, but it is not lost.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> BOSS.receivedFor(customerId).size() + REP_1.receivedFor(customerId).size() > 0);
            assertThat(BOSS.receivedFor(customerId).size() + REP_1.receivedFor(customerId).size()).isEqualTo(1);
            assertThat(deadLetters.records().stream().filter(r -> customerId.equals(r.key()))).isEmpty();
            assertThat(Api.anonymous(baseUrl()).get("/actuator/health").status()).isEqualTo(200);
        }
    }

    private double failures() {
        var counter = meters.find("tierwatch.consumer.failures").tag("topic", Topics.CUSTOMER_TIER_CHANGES).counter();
        return counter == null ? 0 : counter.count();
    }
}
