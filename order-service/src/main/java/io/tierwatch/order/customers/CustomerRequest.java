package io.tierwatch.order.customers;

import io.tierwatch.contracts.Ids;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/customers/{id}}; {@code ownerRepId} may be absent (nobody owns
 * the customer yet), {@code strategic} defaults to false.
 */
record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String ownerRepId,
        LocalDate customerSince,
        Boolean strategic) {
}
