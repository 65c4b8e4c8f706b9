package io.tierwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.notification.redis.StoreLostException;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

/**
 * notification-service's Redis is flushed, then scoring re-announces a tier change already alerted
 * (as a rebuild does): once the seen markers and the customers are recovered from Kafka, the
 * re-announced change is a duplicate and its owner gets no second alert; a new change alerts.
 */
class StoreLossIT extends NotificationServiceIT {

    @Autowired
    MeterRegistry meters;

    @Test
    void aReAnnouncedTierChangeAlertsNoSecondTimeAfterARedisLoss() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Once Only Ltd", "rep-1", false);
        CustomerTierChanged drop = Events.tierChange(customerId, 2, Tier.B, Tier.D, -5_000, Set.of());
        Events.send(drop);
        await().atMost(Duration.ofSeconds(30)).until(() -> REP_1.receivedFor(customerId).size() == 1);
        double duplicatesBefore = alerts("DUPLICATE");

        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.flushAll();
        }
        Events.send(drop); // announced again, with its id

        await("the re-announced change found a duplicate").atMost(Duration.ofSeconds(60))
                .until(() -> alerts("DUPLICATE") > duplicatesBefore);
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            assertThat(jedis.get(StoreLostException.MARKER)).isEqualTo("recovered");
        }
        // a new change of the same customer (recovered owner) alerts, and the old one did not again
        Events.send(Events.tierChange(customerId, 4, Tier.C, Tier.D, -7_000, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> REP_1.receivedFor(customerId).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> REP_1.receivedFor(customerId).size() == 2);
        assertThat(REP_1.receivedFor(customerId)).extracting(r -> r.body().path("eventId").asString())
                .containsExactly(drop.eventId(), CustomerTierChanged.eventIdOf(customerId, 4));
    }

    private double alerts(String outcome) {
        var counter = meters.find("tierwatch.alerts").tag("rule", "LOSS").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
