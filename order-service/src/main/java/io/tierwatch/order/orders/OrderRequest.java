package io.tierwatch.order.orders;

import io.tierwatch.contracts.Ids;
import java.time.Instant;
import java.util.List;

import io.tierwatch.order.web.BaseCurrency;
import io.tierwatch.order.web.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/orders}; amounts are decimal strings of the base currency. */
record OrderRequest(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String customerId,
        @NotNull Instant occurredAt,
        @NotBlank @BaseCurrency String currency,
        @NotEmpty List<@NotNull @Valid Line> lines,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String shippingCost) {

    /** One line; {@code discount} is the line's total discount, not per unit. */
    record Line(
            @NotBlank @Size(max = 200) String sku,
            @NotNull @Positive Long quantity,
            @NotNull @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String unitPrice,
            @NotNull @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String unitCost,
            @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String discount) {
    }
}
