package io.tierwatch.contracts;

/**
 * Topic names, defined once. Every topic is keyed by customer id so that one customer's
 * events stay in one partition, in order. Services take these as defaults of their
 * configuration properties, so a deployment can still rename them.
 */
public final class Topics {

    /** Orders placed and order lines returned, in event order per customer. */
    public static final String ORDERS = "tierwatch.orders";
    /** Closed service tickets: the cost to serve. */
    public static final String SERVICE_TICKETS = "tierwatch.service-tickets";
    /** Customer master data; compacted, the latest record per customer wins. */
    public static final String CUSTOMERS = "tierwatch.customers";
    /** Tier changes announced by scoring-service, for notification-service and other systems. */
    public static final String CUSTOMER_TIER_CHANGES = "tierwatch.customer-tier-changes";

    /** Suffix of each topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
