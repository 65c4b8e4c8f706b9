package io.tierwatch.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The current master data of a customer. Published to a compacted topic: the latest record
 * per customer id is the truth. {@code ownerRepId} is null for a customer nobody owns yet.
 */
public record CustomerUpserted(
        String customerId,
        String name,
        String ownerRepId,
        LocalDate customerSince,
        boolean strategic,
        Instant updatedAt) {

    public CustomerUpserted {
        Require.id(customerId, "customerId");
        Require.text(name, "name");
        Ids.optional(ownerRepId, "ownerRepId");
        Require.present(updatedAt, "updatedAt");
    }
}
