package io.tierwatch.order;

/** Request bodies for tests, with unique ids so tests sharing one broker never collide. */
public final class Orders {

    private Orders() {
    }

    public static String order(String orderId, String customerId) {
        return """
                {"orderId":"%s","customerId":"%s","occurredAt":"2026-03-01T10:00:00Z","currency":"EUR",
                 "lines":[{"sku":"BOLT-7","quantity":10,"unitPrice":"12.50","unitCost":"7.00","discount":"3.00"},
                          {"sku":"NUT-2","quantity":3,"unitPrice":"1.99","unitCost":"0.40"}],
                 "shippingCost":"4.90"}
                """.formatted(orderId, customerId);
    }

    public static String ticket(String ticketId, String customerId) {
        return """
                {"ticketId":"%s","customerId":"%s","occurredAt":"2026-03-02T10:00:00Z","currency":"EUR",
                 "labourMinutes":90,"labourRatePerHour":"80.00","partsCost":"40.00","partsBilled":"10.00",
                 "travelCost":"25.00","expedited":true,"expediteCost":"50.00","amountBilled":"60.00"}
                """.formatted(ticketId, customerId);
    }

    /** The event {@link #order} maps to. */
    public static io.tierwatch.contracts.OrderPlaced placed(String orderId, String customerId) {
        return new io.tierwatch.contracts.OrderPlaced(orderId, customerId, java.time.Instant.parse("2026-03-01T10:00:00Z"),
                "EUR", java.util.List.of(
                        new io.tierwatch.contracts.OrderLine("BOLT-7", 10, money("12.50"), money("7.00"), money("3.00")),
                        new io.tierwatch.contracts.OrderLine("NUT-2", 3, money("1.99"), money("0.40"), null)),
                money("4.90"));
    }

    public static String returnOf(String returnId, String sku, long quantity) {
        return """
                {"returnId":"%s","occurredAt":"2026-03-05T10:00:00Z","currency":"EUR",
                 "lines":[{"sku":"%s","quantity":%d}]}
                """.formatted(returnId, sku, quantity);
    }

    private static io.tierwatch.contracts.Money money(String decimal) {
        return io.tierwatch.contracts.Money.parse(decimal);
    }

    public static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
