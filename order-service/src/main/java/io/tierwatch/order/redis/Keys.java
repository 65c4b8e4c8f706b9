package io.tierwatch.order.redis;

/** The Redis keys of order-service, all under {@code tw:order:}. */
public final class Keys {

    private Keys() {
    }

    /** The current master data of a customer (hash: json, updatedAt). */
    public static String customer(String customerId) {
        return RedisConfig.PREFIX + "customer:" + customerId;
    }

    /**
     * The marker that this Redis holds order-service's records (claims, order lines, customers)
     * since they began, or since they were last recovered from Kafka ({@code recovery.StoreRecovery}).
     * A claim refuses to go on without it.
     */
    public static String storeMarker() {
        return RedisConfig.PREFIX + "store";
    }

    /** Who changed a customer's owner, when, from whom to whom (list, newest first, bounded). */
    public static String ownerChanges(String customerId) {
        return RedisConfig.PREFIX + "owner-changes:" + customerId;
    }

    /** A SCAN pattern of every idempotency record (written only by a claim, which needs the store marker). */
    public static String allSubmissions() {
        return RedisConfig.PREFIX + "submission:*";
    }

    /** The idempotency record of an event id (hash: fingerprint, state, since). */
    public static String submission(String eventId) {
        return RedisConfig.PREFIX + "submission:" + eventId;
    }

    /** What an order contained and how much of each line came back (hash per sku). */
    public static String orderLines(String orderId) {
        return RedisConfig.PREFIX + "order-lines:" + orderId;
    }

    /** The status of an import (string: its JSON), expiring after {@code tierwatch.imports.kept-for}. */
    public static String importStatus(String importId) {
        return RedisConfig.PREFIX + "import:" + importId;
    }

    /** Every kept import, newest last (sorted set: import id by submission time). */
    public static String imports() {
        return RedisConfig.PREFIX + "imports";
    }
}
