package io.tierwatch.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A service ticket was closed: what serving the customer cost. Net cost to serve is labour
 * (minutes × hourly rate / 60, rounded half up to the minor unit) + parts given + travel +
 * the expedite surcharge − parts billed − amount billed; it is negative when the customer paid
 * more than the service cost.
 */
public record ServiceTicketClosed(
        String ticketId,
        String customerId,
        Instant occurredAt,
        String currency,
        long labourMinutes,
        Money labourRatePerHour,
        Money partsCost,
        Money partsBilled,
        Money travelCost,
        boolean expedited,
        Money expediteCost,
        Money amountBilled) {

    public ServiceTicketClosed {
        Require.id(ticketId, "ticketId");
        Require.id(customerId, "customerId");
        Require.present(occurredAt, "occurredAt");
        Require.text(currency, "currency");
        Require.nonNegative(labourMinutes, "labourMinutes");
        labourRatePerHour = Require.orZero(labourRatePerHour, "labourRatePerHour");
        partsCost = Require.orZero(partsCost, "partsCost");
        partsBilled = Require.orZero(partsBilled, "partsBilled");
        travelCost = Require.orZero(travelCost, "travelCost");
        expediteCost = Require.orZero(expediteCost, "expediteCost");
        amountBilled = Require.orZero(amountBilled, "amountBilled");
    }

    public Money labourCost() {
        BigDecimal minor = BigDecimal.valueOf(labourRatePerHour.minorUnits())
                .multiply(BigDecimal.valueOf(labourMinutes))
                .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP);
        return Money.ofMinor(minor.longValueExact());
    }

    public Money netCostToServe() {
        return labourCost().plus(partsCost).plus(travelCost).plus(expediteCost)
                .minus(partsBilled).minus(amountBilled);
    }
}
