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

    @Test
    void reEmitsTheSameTierEventAfterACrashBetweenRedisAndPublish() {
        String customer = TestEvents.customer("crash");
        MessageListenerContainer container = registry.getListenerContainer("tierwatch-scoring");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.CUSTOMER_TIER_CHANGES)) {
            container.stop();
            try {
                TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "10.00", "30.00"));
                ConsumerRecord<String, byte[]> record = probe.await(1, r -> customer.equals(r.key()),
                        Duration.ofSeconds(30)).get(0);
                // the instance applied the record to Redis, then died before publishing and committing
                ledger.apply(List.of(new RecordDecoder("EUR").decode(record)));
                assertThat(outboxSize(customer)).isEqualTo(1);
            } finally {
                container.start();
            }

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

    private static long outboxSize(String customer) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return jedis.hlen(LedgerKeys.outbox(customer));
        }
    }
}
