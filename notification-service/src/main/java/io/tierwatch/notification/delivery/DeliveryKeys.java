package io.tierwatch.notification.delivery;

/**
 * Redis keys of alerts and their deliveries. An alert hash holds the alert JSON, its status and
 * one {@code d:<CHANNEL>} field per delivery; the due set holds {@code <target>|<CHANNEL>} items
 * scored by when they are next due, where the target is {@code alert:<id>} or {@code digest:<id>}.
 */
public final class DeliveryKeys {

    public static final String ALL_ALERTS = "tw:notify:alerts";
    public static final String DUE = "tw:notify:due";
    /** Pub/sub channel carrying the ids of newly accepted alerts, for every instance's live page. */
    public static final String LIVE_CHANNEL = "tw:notify:live";

    private DeliveryKeys() {
    }

    public static String alert(String alertId) {
        return "tw:notify:alert:" + alertId;
    }

    public static String digestBatch(String digestId) {
        return "tw:notify:digest-batch:" + digestId;
    }

    public static String repIndex(String repId) {
        return "tw:notify:rep-alerts:" + repId;
    }

    public static String digest(String repId) {
        return "tw:notify:digest:" + repId;
    }
}
