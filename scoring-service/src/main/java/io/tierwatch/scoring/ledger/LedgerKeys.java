package io.tierwatch.scoring.ledger;

import java.util.List;

import io.tierwatch.contracts.Tier;

/**
 * Redis keys. A customer's keys share the hash tag {@code {customerId}}, so the commit script
 * touches one slot and runs unchanged on Redis Cluster. The {@code idx} keys are global
 * indexes, written idempotently after the scripts, never inside them.
 */
public final class LedgerKeys {

    public static final String PREFIX = "tw:score:";
    public static final String EXPIRY = PREFIX + "idx:expiry";
    public static final String ALL = PREFIX + "idx:customers";

    private LedgerKeys() {
    }

    private static String key(String customerId, String part) {
        return PREFIX + "{" + customerId + "}:" + part;
    }

    public static String state(String customerId) {
        return key(customerId, "s");
    }

    public static String outbox(String customerId) {
        return key(customerId, "o");
    }

    public static String history(String customerId) {
        return key(customerId, "h");
    }

    /** The state hash's field holding a month's revenue ({@code yyyy-MM}), for ARPU by month. */
    public static final String MONTH_FIELD_PREFIX = CustomerState.MONTH;

    public static String contributors(String customerId) {
        return key(customerId, "t");
    }

    /** All keys of a customer, in the order the commit script expects its KEYS. */
    public static List<String> scriptKeys(String customerId) {
        return List.of(state(customerId), contributors(customerId), outbox(customerId), history(customerId));
    }

    public static String tier(Tier tier) {
        return PREFIX + "idx:tier:" + tier.name();
    }

    public static String owner(String ownerRepId) {
        return PREFIX + "idx:owner:" + ownerRepId;
    }
}
