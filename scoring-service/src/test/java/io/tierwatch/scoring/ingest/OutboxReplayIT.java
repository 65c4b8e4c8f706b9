package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.PendingChanges;
import io.tierwatch.scoring.ledger.RedisLedger;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

@ScoringIT
class OutboxReplayIT {

    private final KafkaListenerEndpointRegistry registry;
    private final RedisLedger ledger;

    OutboxReplayIT(@Autowired KafkaListenerEndpointRegistry registry, @Autowired RedisLedger ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    /**
     * With the listeners stopped, a loss-making order of {@code customer} is applied to Redis as an
     * instance would before it died, before publishing and committing offsets; then {@code meanwhile}
     * runs, and the listeners start again.
     */
    private void applyAndDieBeforePublishing(KafkaProbe probe, String customer, Runnable meanwhile) {
        MessageListenerContainer container = registry.getListenerContainer("tierwatch-scoring");
        container.stop();
        try {
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "10.00", "30.00"));
            ConsumerRecord<String, byte[]> record = probe.await(1, r -> customer.equals(r.key()),
                    Duration.ofSeconds(30)).get(0);
            ledger.apply(List.of(new RecordDecoder("EUR").decode(record)));
            meanwhile.run();
        } finally {
            container.start();
        }
    }

    @Test
    void reEmitsTheSameTierEventAfterACrashBetweenRedisAndPublish() {
        String customer = TestEvents.customer("crash");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.CUSTOMER_TIER_CHANGES)) {
            applyAndDieBeforePublishing(probe, customer, () -> assertThat(outboxSize(customer)).isEqualTo(1));

            List<EventEnvelope<?>> events = TierEvents.await(probe, customer, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxSize(customer) == 0);

            assertThat(events.get(0).id()).isEqualTo("tier:" + customer + ":1");
            assertThat(TierEvents.data(events.get(0)).newTier()).isEqualTo(Tier.D);
            assertThat(probe.records(Topics.CUSTOMER_TIER_CHANGES).stream().filter(r -> customer.equals(r.key())))
                    .hasSize(1);
            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                assertThat(LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer)))).containsEntry("lr", "1000");
            }
        }
    }

    @Test
    void aTierChangeLeftPendingIsPublishedAsItWasAfterLaterEventsMovedTheState() {
        String customer = TestEvents.customer("moved");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.CUSTOMER_TIER_CHANGES)) {
            applyAndDieBeforePublishing(probe, customer, () -> {
                // the change is pending, compact in the state hash (no outbox hash key)
                try (Jedis jedis = RealInfrastructure.redis().connect()) {
                    assertThat(jedis.hget(LedgerKeys.state(customer), PendingChanges.field("1"))).startsWith("- ");
                    assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();
                }
                // a later order of the customer, in the batch the next instance takes with the replay
                TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "20.00", "30.00"));
                probe.await(2, r -> customer.equals(r.key()) && Topics.ORDERS.equals(r.topic()), Duration.ofSeconds(30));
            });

            List<EventEnvelope<?>> events = TierEvents.await(probe, customer, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxSize(customer) == 0);

            // the event of version 1 reports the state at the change (10.00 of revenue), not after
            // the second order (30.00): the commit that moved the state wrote the entry whole first
            assertThat(events.get(0).id()).isEqualTo("tier:" + customer + ":1");
            assertThat(TierEvents.data(events.get(0)).window().revenue().minorUnits()).isEqualTo(1_000);
            assertThat(TierEvents.data(events.get(0)).lifetime().revenue().minorUnits()).isEqualTo(1_000);
            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                assertThat(LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer)))).containsEntry("lr", "3000")
                        .doesNotContainKey(PendingChanges.field("1"));
                assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();
            }
        }
    }

    /** Tier changes pending: compact in the state hash, or whole in the outbox hash. */
    private static long outboxSize(String customer) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return PendingChanges.in(jedis.hgetAll(LedgerKeys.state(customer))).size()
                    + jedis.hlen(LedgerKeys.outbox(customer));
        }
    }
}
