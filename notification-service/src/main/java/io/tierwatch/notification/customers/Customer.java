package io.tierwatch.notification.customers;

import java.time.LocalDate;

/** What notification-service keeps of a customer's master data: the name and who owns it. */
public record Customer(String customerId, String name, String ownerRepId, LocalDate customerSince, boolean strategic) {

    public static Customer unknown(String customerId) {
        return new Customer(customerId, customerId, null, null, false);
    }
}
