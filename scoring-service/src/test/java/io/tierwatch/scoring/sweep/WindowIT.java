package io.tierwatch.scoring.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.engine.Scorer;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

@ScoringIT
class WindowIT {

    private final PartitionSweeps sweeps;
    private final Scorer scorer;

    WindowIT(@Autowired PartitionSweeps sweeps, @Autowired Scorer scorer) {
        this.sweeps = sweeps;
        this.scorer = scorer;
    }

    @Test
    void letsALateEventTouchTheLifetimeOnly() {
        String customer = TestEvents.customer("late");
        Instant now = Instant.now();
        TestEvents.sendOrder(TestEvents.order(customer, now, "100.00", "40.00"));
        TestEvents.sendOrder(TestEvents.order(customer, now.minus(120, ChronoUnit.DAYS), "70.00", "10.00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(field(customer, "lo")));

        assertThat(field(customer, "lr")).isEqualTo("17000");
        assertThat(field(customer, "wr")).isEqualTo("10000");
        assertThat(field(customer, "wo")).isEqualTo("1");
    }

    /**
     * The sweep of one input partition, driven here as the listener drives it when the partition's
     * records reach a new day; on a partition number of its own, so that no other test's records
     * sweep it meanwhile.
     */
    @Test
    void decaysADormantCustomerWhenItsPartitionsDaysMovePastItsWindow() {
        String customer = TestEvents.customer("dormant");
        int partition = 1_000 + (int) (System.nanoTime() % 1_000_000);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant ordered = Instant.now().minus(100, ChronoUnit.DAYS);
        long orderDay = LocalDate.ofInstant(ordered, ZoneOffset.UTC).toEpochDay();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            scorer.score(List.of(LedgerCommand.event(customer, "window-it", partition, 0, "e-" + customer,
                    Delta.of(TestEvents.order(customer, ordered, "3000.00", "1000.00")))));
            assertThat(TierEvents.data(TierEvents.await(probe, customer, 1).get(0)).newTier()).isEqualTo(Tier.A);
            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                assertThat(jedis.zscore(LedgerKeys.due(partition), customer))
                        .as("due when its NEW trait ends, 30 days after its first order").isEqualTo(orderDay + 30.0);
            }

            long sweepTo = today.toEpochDay() - 1;
            assertThat(sweeps.sweep(partition, orderDay + 20)).as("nothing due yet").isZero();
            assertThat(sweeps.sweep(partition, orderDay + 40)).as("no longer NEW: swept, still A").isEqualTo(1);
            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                assertThat(jedis.zscore(LedgerKeys.due(partition), customer))
                        .as("next due when the order's day leaves the 90-day window").isEqualTo(orderDay + 90.0);
            }
            assertThat(sweeps.sweep(partition, sweepTo)).isEqualTo(1);

            EventEnvelope<?> decay = TierEvents.await(probe, customer, 2).get(1);
            CustomerTierChanged change = TierEvents.data(decay);
            assertThat(decay.id()).isEqualTo(CustomerTierChanged.eventIdOf(customer, 2));
            assertThat(change.previousTier()).isEqualTo(Tier.A);
            assertThat(change.newTier()).isEqualTo(Tier.B);
            assertThat(change.triggeringEventId()).isEqualTo("sweep:" + LocalDate.ofEpochDay(sweepTo));
            assertThat(change.occurredAt()).as("the sweep's day, not the moment it ran")
                    .isEqualTo(LocalDate.ofEpochDay(sweepTo).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(change.window().profit()).isEqualTo(Money.ZERO);
            assertThat(change.lifetime().profit()).isEqualTo(Money.parse("2000.00"));

            assertThat(sweeps.sweep(partition, sweepTo)).as("swept once: its next due day is later").isZero();
            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                assertThat(jedis.get(LedgerKeys.swept(partition))).isEqualTo(Long.toString(sweepTo));
                assertThat(jedis.zscore(LedgerKeys.due(partition), customer))
                        .as("next due when the order leaves the previous window too").isEqualTo(orderDay + 180.0);
            }
        }
    }

    @Test
    void holdsALossCustomerInDUntilProfitClearsTheBand() {
        String customer = TestEvents.customer("hover");
        Instant now = Instant.now();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, now, "10.00", "20.00"));
            assertThat(TierEvents.data(TierEvents.await(probe, customer, 1).get(0)).newTier()).isEqualTo(Tier.D);

            TestEvents.sendOrder(TestEvents.order(customer, now, "30.00", "0.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(field(customer, "lo")));
            assertThat(field(customer, "tier")).isEqualTo("D");

            TestEvents.sendOrder(TestEvents.order(customer, now, "40.00", "0.00"));
            CustomerTierChanged recovered = TierEvents.data(TierEvents.await(probe, customer, 2).get(1));

            assertThat(recovered.previousTier()).isEqualTo(Tier.D);
            assertThat(recovered.newTier()).isEqualTo(Tier.B);
            assertThat(recovered.window().profit()).isEqualTo(Money.parse("60.00"));
            assertThat(probe.records(Topics.CUSTOMER_TIER_CHANGES).stream().filter(r -> customer.equals(r.key())))
                    .hasSize(2);
        }
    }

    private static String field(String customer, String field) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer))).get(field);
        }
    }
}
