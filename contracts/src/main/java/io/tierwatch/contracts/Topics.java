package io.tierwatch.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * Topic names and shapes, defined once. Every topic is keyed by customer id so that one
 * customer's events stay in one partition, in order. Services take the names as defaults of
 * their configuration properties, so a deployment can still rename them; every place that
 * creates a topic (the services at start, {@code ./tierwatch up}, docker-compose, the tests)
 * creates it with {@link #newTopic}.
 *
 * <p>Every topic keeps its records forever ({@code retention.ms=-1}): Redis is rebuilt from
 * the input topics' history, other systems read the tier changes from their start, and a
 * dead-lettered record is kept until someone has dealt with it. The broker's default (7 days)
 * would silently make a rebuild wrong.
 */
public final class Topics {

    /** Orders placed and order lines returned, in event order per customer. */
    public static final String ORDERS = "tierwatch.orders";
    /** Closed service tickets: the cost to serve. */
    public static final String SERVICE_TICKETS = "tierwatch.service-tickets";
    /**
     * Customer master data; the latest record per customer is the customer's master data. Not
     * compacted: a rebuild must see each record where it was, since what a tier change says (its
     * traits) depends on the master data of that moment.
     */
    public static final String CUSTOMERS = "tierwatch.customers";
    /** Tier changes announced by scoring-service, for notification-service and other systems. */
    public static final String CUSTOMER_TIER_CHANGES = "tierwatch.customer-tier-changes";

    /** notification-service's deliveries that failed every attempt (a dead-letter topic itself). */
    public static final String ALERT_DELIVERY_DEAD_LETTERS = "tierwatch.alert-deliveries.DLT";

    /** Suffix of each topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    /** Partitions of every topic when a deployment does not say otherwise. */
    public static final int DEFAULT_PARTITIONS = 3;

    /** The configuration of every output and dead-letter topic: kept forever. */
    public static final Map<String, String> KEPT = Map.of("retention.ms", "-1");
    /**
     * The configuration of scoring's inputs (orders, service tickets, customers): kept forever, and
     * stamped with the broker's time when appended ({@code LogAppendTime}), so that the timestamps
     * grow along each partition whoever produced to it, and not compacted (a topic created compacted
     * before is set back to {@code delete} at the next start); scoring merges a customer's records of the
     * three topics by them into one order, the same in every replay (docs/decisions/006).
     */
    public static final Map<String, String> KEPT_INPUT = Map.of("retention.ms", "-1", "cleanup.policy", "delete",
            "message.timestamp.type", "LogAppendTime");

    /**
     * The topic as Tierwatch creates it: {@code partitions}, the broker's default replication
     * factor, {@link #KEPT_INPUT} for an input of scoring (under whatever name a deployment gives
     * it: {@code input}) and {@link #KEPT} for every other. The inputs must have the same number
     * of partitions: a customer's records are merged from the same partition of each.
     */
    public static NewTopic newTopic(String name, int partitions, boolean input) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(input ? KEPT_INPUT : KEPT);
    }

    /** Whether a topic of the default names is one of scoring's inputs. */
    public static boolean isInput(String name) {
        return name.equals(ORDERS) || name.equals(SERVICE_TICKETS) || name.equals(CUSTOMERS);
    }

    /**
     * Whether a metric's topic tag is the Kafka client's second name for one of these topics: the
     * clients report every topic-level metric twice, once under the topic's name and once with its
     * dots as underscores ({@code tierwatch_orders}), which doubles every series. The services drop
     * the second ({@code MeterFilter.deny}).
     */
    public static boolean isMetricAlias(String topicTag) {
        return topicTag != null && topicTag.indexOf('.') < 0 && topicTag.indexOf('_') >= 0
                && all(1).stream().anyMatch(t -> t.name().replace('.', '_').equals(topicTag));
    }

    /** Every topic of Tierwatch under its default name, dead-letter topics included. */
    public static List<NewTopic> all(int partitions) {
        return Stream.concat(Stream.of(ORDERS, SERVICE_TICKETS, CUSTOMERS, CUSTOMER_TIER_CHANGES)
                        .flatMap(t -> Stream.of(t, deadLetterOf(t))), Stream.of(ALERT_DELIVERY_DEAD_LETTERS))
                .map(t -> newTopic(t, partitions, isInput(t)))
                .toList();
    }

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
