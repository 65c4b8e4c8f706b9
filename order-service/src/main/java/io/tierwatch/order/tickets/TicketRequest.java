package io.tierwatch.order.tickets;

import io.tierwatch.contracts.Ids;
import java.time.Instant;

import io.tierwatch.order.web.BaseCurrency;
import io.tierwatch.order.web.Formats;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The body of {@code POST /api/v1/service-tickets}; absent amounts are zero. */
record TicketRequest(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String ticketId,
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String customerId,
        @NotNull Instant occurredAt,
        @NotBlank @BaseCurrency String currency,
        // a year of minutes: more is a typo, and it keeps minutes × rate far inside a long
        @NotNull @PositiveOrZero @Max(525_600) Long labourMinutes,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String labourRatePerHour,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String partsCost,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String partsBilled,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String travelCost,
        Boolean expedited,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String expediteCost,
        @Pattern(regexp = Formats.AMOUNT, message = Formats.AMOUNT_MESSAGE) String amountBilled) {
}
