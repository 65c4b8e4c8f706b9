package io.tierwatch.scoring.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Utils;

import io.tierwatch.contracts.Tier;

/**
 * Redis keys. A customer's keys carry the hash tag of its group, {@code {g<n>}} with n the
 * murmur2 hash of the id modulo {@link #GROUPS}, so one commit script writes every customer of
 * a group that a batch touched, in one slot: it runs unchanged on Redis Cluster, spread over
 * {@value #GROUPS} slots. The {@code idx} keys are global indexes, written idempotently after
 * the commits, never inside them. Changing {@link #GROUPS} moves every customer: rebuild from
 * Kafka (docs/scoring-service.md).
 */
public final class LedgerKeys {

    public static final String PREFIX = "tw:score:";
    /** How many hash-tag groups the customers are spread over. */
    public static final int GROUPS = 64;

    private LedgerKeys() {
    }

    static int group(String customerId) {
        return Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % GROUPS;
    }

    private static String key(String customerId, String part) {
        return PREFIX + "{g" + group(customerId) + "}:" + customerId + ":" + part;
    }

    /** The customer's state hash: figures, window buckets, months, watermarks, top contributors. */
    public static String state(String customerId) {
        return key(customerId, "s");
    }

    public static String outbox(String customerId) {
        return key(customerId, "o");
    }

    public static String history(String customerId) {
        return key(customerId, "h");
    }

    /** The state hash's field holding a month's figures ({@code yyyy-MM}), for ARPU and the customer's months. */
    public static final String MONTH_FIELD_PREFIX = CustomerState.MONTH;

    /** A month field's value as {revenue, profit, 1 if the profit is known else 0}. */
    public static long[] month(String value) {
        return CustomerState.month(value);
    }

    /**
     * A state hash as stored, with its packed fields spelled out: {@code lr lg ls lo lt},
     * {@code wr wg ws wo wt}, {@code tier ver pol}, {@code asof first last} (docs/scoring-service.md).
     */
    public static Map<String, String> stateFields(Map<String, String> stored) {
        return CustomerState.expanded(stored);
    }

    /** The stored fields a customer summary needs (HMGET), spelled out by {@link #stateFields}. */
    public static final List<String> SUMMARY_FIELDS = List.of("name", "owner", "t", "traits", "w", "l", "a");

    /** The top contributors kept in a state hash (read with HGETALL), best first, as members {@code day|eventId|kind|reference|occurredAt|impact}. */
    public static List<String> contributors(Map<String, String> stateFields) {
        return CustomerState.contributorsOf(stateFields);
    }

    /**
     * The state epoch's marker of hash-tag group {@code group} (value {@code <epoch> <Kafka cluster
     * id>}): one per group, in the group's slot, so the commit script checks it atomically with the
     * write on Redis Cluster too ({@link StateEpoch}).
     */
    public static String epoch(int group) {
        return PREFIX + "{g" + group + "}:epoch";
    }

    /** The group's epoch marker of a customer's commit: the script's first key. */
    static String epochOf(String customerId) {
        return epoch(group(customerId));
    }

    /** A customer's keys, in the order the commit script expects them (after the group's epoch marker). */
    public static List<String> scriptKeys(String customerId) {
        return List.of(state(customerId), outbox(customerId));
    }

    /**
     * The customers in a tier: a set. A sorted set ordered by id cost ~5–9 µs per insertion at 1–2M
     * members against ~1.2–1.9 µs for a set, and 116 against 64 bytes per member (redis-benchmark,
     * docs/scoring-service.md); lists page through it with SSCAN.
     */
    public static String tier(Tier tier) {
        return PREFIX + "idx:tierset:" + tier.name();
    }

    /** The sorted set that held a tier's customers before the tier sets; {@link TierIndexMigration} moves it. */
    static String legacyTier(Tier tier) {
        return PREFIX + "idx:tier:" + tier.name();
    }

    /**
     * The customers of an input partition by the day a sweep must next age them (a sorted set,
     * member the customer id, score the epoch day; {@link Applier#due}).
     */
    public static String due(int partition) {
        return PREFIX + "idx:due:" + partition;
    }

    /** The epoch day an input partition's customers were last swept to (a string). */
    public static String swept(int partition) {
        return PREFIX + "swept:" + partition;
    }

    public static String owner(String ownerRepId) {
        return PREFIX + "idx:owner:" + ownerRepId;
    }
}
