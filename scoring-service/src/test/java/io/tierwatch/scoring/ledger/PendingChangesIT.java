package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/**
 * Where a committed tier change waits for its publication, in real Redis: compact in the state
 * hash while the state shows what the event reports, whole in the outbox hash once it does not,
 * and the event the ledger hands to the publisher is the same either way.
 */
@ExtendWith(RealInfrastructure.class)
class PendingChangesIT {

    private static final LedgerSettings SETTINGS = TestLedgerSettings.DEFAULTS;

    private final JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));
    private final String customer = "pending-" + System.nanoTime();
    private long offset;

    @AfterEach
    void close() {
        jedis.close();
    }

    @Test
    void aChangeTheStateStillShowsWaitsInTheStateHashAndNoOutboxKeyIsMade() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);

        RedisLedger.Result result = ledger.apply(List.of(lossOrder(1_000)));

        Map<String, String> entry = result.committedEntries().get(customer).get("1");
        assertThat(entry).containsEntry("new", "D").containsEntry("wr", "1000");
        assertThat(result.wholeEntries()).isEmpty();
        assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();
        assertThat(jedis.hget(LedgerKeys.state(customer), PendingChanges.field("1"))).hasSizeLessThanOrEqualTo(64);
        assertThat(jedis.objectEncoding(LedgerKeys.state(customer))).isEqualTo("listpack");
        assertThat(PendingChanges.in(jedis.hgetAll(LedgerKeys.state(customer)))).containsExactly(Map.entry("1", entry));
    }

    @Test
    void aChangeALaterEventOfTheBatchMovedPastIsWrittenWhole() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);

        RedisLedger.Result result = ledger.apply(List.of(lossOrder(1_000), lossOrder(2_000)));

        assertThat(result.committedEntries().get(customer).get("1")).containsEntry("wr", "1000");
        assertThat(result.wholeEntries()).containsEntry(customer, java.util.Set.of("1"));
        assertThat(jedis.hget(LedgerKeys.outbox(customer), "1")).contains("\"wr\":\"1000\"");
        assertThat(jedis.hgetAll(LedgerKeys.state(customer))).doesNotContainKey(PendingChanges.field("1"))
                .containsEntry("w", "3000 9000 0 2 0");
    }

    @Test
    void aChangeStillPendingWhenTheNextBatchMovesTheStateIsWrittenWholeFirst() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);
        ledger.apply(List.of(lossOrder(1_000))); // v1 never published: the instance died

        RedisLedger.Result next = ledger.apply(List.of(lossOrder(2_000)));

        // handed to the publisher as it was, and stored whole before the state moved
        assertThat(next.committedEntries().get(customer)).containsOnlyKeys("1");
        assertThat(next.committedEntries().get(customer).get("1")).containsEntry("wr", "1000").containsEntry("lr", "1000");
        assertThat(next.wholeEntries()).containsEntry(customer, java.util.Set.of("1"));
        assertThat(jedis.hget(LedgerKeys.outbox(customer), "1")).contains("\"lr\":\"1000\"");
        assertThat(jedis.hgetAll(LedgerKeys.state(customer))).doesNotContainKey(PendingChanges.field("1"))
                .containsEntry("l", "3000 9000 0 2 0");
    }

    @Test
    void aPublishedChangeLeavesTheCachedStateToo() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.apply(List.of(lossOrder(1_000)));
        jedis.hdel(LedgerKeys.state(customer), PendingChanges.field("1")); // what the publisher does once Kafka has it
        RedisLedger.Result toA = ledger.apply(List.of(profitableOrder(500_000))); // the state cached with v2 pending
        assertThat(toA.committedEntries().get(customer)).containsOnlyKeys("2");
        assertThat(toA.committedEntries().get(customer).get("2")).containsEntry("prev", "D").containsEntry("new", "A");
        jedis.hdel(LedgerKeys.state(customer), PendingChanges.field("2"));
        ledger.published(customer, 2);

        RedisLedger.Result next = ledger.apply(List.of(profitableOrder(1_000)));

        assertThat(ledger.cacheHits()).isEqualTo(1);
        // without published(), the cached v2 would be taken for pending, written whole and published again
        assertThat(next.committedEntries()).doesNotContainKey(customer);
        assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();
        assertThat(PendingChanges.in(jedis.hgetAll(LedgerKeys.state(customer)))).isEmpty();
    }

    @Test
    void appliedAsPublishedNothingStaysPendingAndTheNextBatchWritesNothingWhole() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.applyAsPublished(List.of(lossOrder(1_000)));
        RedisLedger.Result toA = ledger.applyAsPublished(List.of(profitableOrder(500_000)));

        assertThat(toA.committedEntries().get(customer)).containsOnlyKeys("2");
        assertThat(toA.wholeEntries()).isEmpty();
        assertThat(PendingChanges.in(jedis.hgetAll(LedgerKeys.state(customer)))).isEmpty();
        assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();
        RedisLedger.Result next = ledger.applyAsPublished(List.of(profitableOrder(1_000)));
        assertThat(ledger.cacheHits()).isEqualTo(1);
        assertThat(next.committedEntries()).doesNotContainKey(customer);
    }

    private LedgerCommand lossOrder(long revenue) {
        return order(revenue, 3 * revenue);
    }

    private LedgerCommand profitableOrder(long revenue) {
        return order(revenue, revenue / 10);
    }

    private LedgerCommand order(long revenue, long cost) {
        long n = offset++;
        return LedgerCommand.event(customer, "orders", 0, n, customer + "-" + n,
                new Delta("order", "o-" + n, Instant.now(), revenue, cost, 0, 1, 0));
    }
}
