package io.tierwatch.order.returns;

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

/** The body of {@code POST /api/v1/orders/{orderId}/returns}: which quantities of which skus came back. */
record ReturnRequest(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String returnId,
        @NotNull Instant occurredAt,
        @NotBlank @BaseCurrency String currency,
        @NotEmpty List<@NotNull @Valid Line> lines,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String restockingFee) {

    record Line(@NotBlank @Size(max = 200) String sku, @NotNull @Positive Long quantity) {
    }
}
