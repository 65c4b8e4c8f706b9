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
 * and the event the ledger hands to the publisher is the same either way. A published change stays
 * in the state until the customer's next commit deletes it; one this instance cannot know to be
 * published (written by an instance that died, or stamped with a partition it never consumed) is
 * handed to the publisher again.
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
        LedgerCommand first = lossOrder(1_000);
        new RedisLedger(jedis, SETTINGS).apply(List.of(first)); // v1 never published: the instance died
        RedisLedger restarted = new RedisLedger(jedis, SETTINGS);

        // redelivered from the committed offset: the first record again (a duplicate), then the next
        RedisLedger.Result next = restarted.apply(List.of(first, lossOrder(2_000)));

        // handed to the publisher as it was, and stored whole before the state moved
        assertThat(next.committedEntries().get(customer)).containsOnlyKeys("1");
        assertThat(next.committedEntries().get(customer).get("1")).containsEntry("wr", "1000").containsEntry("lr", "1000");
        assertThat(next.wholeEntries()).containsEntry(customer, java.util.Set.of("1"));
        assertThat(jedis.hget(LedgerKeys.outbox(customer), "1")).contains("\"lr\":\"1000\"");
        assertThat(jedis.hgetAll(LedgerKeys.state(customer))).doesNotContainKey(PendingChanges.field("1"))
                .containsEntry("l", "3000 9000 0 2 0");
    }

    @Test
    void aPublishedChangeStaysInTheStateUntilTheNextCommitDeletesItCachedOrNot() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.applyAsPublished(List.of(lossOrder(1_000)));
        assertThat(jedis.hgetAll(LedgerKeys.state(customer))).containsKey(PendingChanges.field("1"))
                .containsEntry("pb", "wm:orders:0 0");

        // the next batch starts past the record that stamped v1: v1 is on Kafka, deleted, not published again
        RedisLedger.Result toA = ledger.applyAsPublished(List.of(profitableOrder(500_000)));

        assertThat(toA.committedEntries().get(customer)).containsOnlyKeys("2");
        assertThat(toA.committedEntries().get(customer).get("2")).containsEntry("prev", "D").containsEntry("new", "A");
        assertThat(toA.wholeEntries()).isEmpty();
        assertThat(PendingChanges.in(jedis.hgetAll(LedgerKeys.state(customer)))).containsOnlyKeys("2");
        assertThat(jedis.hget(LedgerKeys.state(customer), "pb")).isEqualTo("wm:orders:0 1");
        assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();

        // from the state cache this time: the same rule deletes v2
        RedisLedger.Result next = ledger.applyAsPublished(List.of(profitableOrder(1_000)));

        assertThat(ledger.cacheHits()).isEqualTo(1);
        assertThat(next.committedEntries()).doesNotContainKey(customer);
        assertThat(jedis.hgetAll(LedgerKeys.state(customer))).doesNotContainKeys(PendingChanges.field("2"), "pb");
        assertThat(jedis.exists(LedgerKeys.outbox(customer))).isFalse();
    }

    @Test
    void aChangeStampedWithAPartitionThisInstanceNeverConsumedIsPublishedAgain() {
        new RedisLedger(jedis, SETTINGS).apply(List.of(lossOrder(1_000))); // another instance, partition orders-0
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);

        RedisLedger.Result next = ledger.apply(List.of(order("tickets", 7, 5, 0)));

        // it cannot tell whether v1 reached Kafka: handed over again, same version (written whole, as the state moved)
        assertThat(next.committedEntries().get(customer)).containsOnlyKeys("1");
        assertThat(next.committedEntries().get(customer).get("1")).containsEntry("new", "D").containsEntry("lr", "1000");
        assertThat(next.wholeEntries()).containsEntry(customer, java.util.Set.of("1"));

        RedisLedger.Result after = ledger.apply(List.of(order("tickets", 7, 5, 0)));

        assertThat(after.committedEntries()).doesNotContainKey(customer);
        assertThat(PendingChanges.in(jedis.hgetAll(LedgerKeys.state(customer)))).isEmpty();
        assertThat(jedis.hdel(LedgerKeys.outbox(customer), "1")).isOne(); // v1 was written whole: the publisher removes it
    }

    private LedgerCommand lossOrder(long revenue) {
        return order(revenue, 3 * revenue);
    }

    private LedgerCommand profitableOrder(long revenue) {
        return order(revenue, revenue / 10);
    }

    private LedgerCommand order(long revenue, long cost) {
        return order("orders", revenue, cost, 0);
    }

    private LedgerCommand order(String topic, long revenue, long cost, long costToServe) {
        long n = offset++;
        return LedgerCommand.event(customer, topic, 0, n, customer + "-" + n,
                new Delta("order", "o-" + n, Instant.now(), revenue, cost, costToServe, 1, 0));
    }
}
