package io.tierwatch.order.customers;

import java.time.LocalDate;

import io.tierwatch.order.web.Formats;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/customers/{id}}; {@code ownerRepId} may be absent (nobody owns
 * the customer yet), {@code strategic} defaults to false.
 */
record CustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = Formats.ID, message = Formats.ID_MESSAGE) String ownerRepId,
        LocalDate customerSince,
        Boolean strategic) {
}
