package io.tierwatch.order.redis;

/** The Redis keys of order-service, all under {@code tw:order:}. */
public final class Keys {

    private Keys() {
    }

    /** The current master data of a customer (hash: json, updatedAt). */
    public static String customer(String customerId) {
        return RedisConfig.PREFIX + "customer:" + customerId;
    }

    /** The idempotency record of an event id (hash: fingerprint, state, since). */
    public static String submission(String eventId) {
        return RedisConfig.PREFIX + "submission:" + eventId;
    }

    /** What an order contained and how much of each line came back (hash per sku). */
    public static String orderLines(String orderId) {
        return RedisConfig.PREFIX + "order-lines:" + orderId;
    }
}
