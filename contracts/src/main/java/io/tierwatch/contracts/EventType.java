package io.tierwatch.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every CloudEvent type Tierwatch publishes, its data record and its topic. Types are versioned. */
public enum EventType {
    ORDER_PLACED("io.tierwatch.order.placed.v1", OrderPlaced.class, Topics.ORDERS),
    ORDER_LINES_RETURNED("io.tierwatch.order.lines-returned.v1", OrderLinesReturned.class, Topics.ORDERS),
    SERVICE_TICKET_CLOSED("io.tierwatch.service-ticket.closed.v1", ServiceTicketClosed.class, Topics.SERVICE_TICKETS),
    CUSTOMER_UPSERTED("io.tierwatch.customer.upserted.v1", CustomerUpserted.class, Topics.CUSTOMERS),
    CUSTOMER_TIER_CHANGED("io.tierwatch.customer.tier-changed.v1", CustomerTierChanged.class,
            Topics.CUSTOMER_TIER_CHANGES);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final Class<?> dataClass;
    private final String defaultTopic;

    EventType(String type, Class<?> dataClass, String defaultTopic) {
        this.type = type;
        this.dataClass = dataClass;
        this.defaultTopic = defaultTopic;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    public static EventType ofType(String type) {
        EventType found = type == null ? null : BY_TYPE.get(type);
        if (found == null) {
            throw new InvalidEventException("unknown event type: " + type);
        }
        return found;
    }

    public static EventType ofData(Object data) {
        return Arrays.stream(values()).filter(t -> t.dataClass.isInstance(data)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event record: " + data.getClass()));
    }
}
