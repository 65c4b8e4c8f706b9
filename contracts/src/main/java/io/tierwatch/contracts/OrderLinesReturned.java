package io.tierwatch.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Lines of an order came back (a return or a cancellation). Reverses their revenue and cost of
 * goods; a restocking fee the customer paid counts as revenue. {@code orderId} is null when the
 * source does not say which order is reversed (e.g. a historical import).
 */
public record OrderLinesReturned(
        String returnId,
        String orderId,
        String customerId,
        Instant occurredAt,
        String currency,
        List<ReturnedLine> lines,
        Money restockingFee) {

    public OrderLinesReturned {
        Require.id(returnId, "returnId");
        Ids.optional(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.present(occurredAt, "occurredAt");
        Require.text(currency, "currency");
        lines = List.copyOf(Require.notEmpty(lines, "lines"));
        restockingFee = Require.orZero(restockingFee, "restockingFee");
    }

    /** The change to revenue: negative refunds plus the restocking fee. */
    public Money revenueChange() {
        return lines.stream().map(ReturnedLine::refund).reduce(Money.ZERO, Money::minus).plus(restockingFee);
    }

    /** The change to cost of goods: negative, the goods came back. */
    public Money costOfGoodsChange() {
        return lines.stream().map(ReturnedLine::costOfGoods).reduce(Money.ZERO, Money::minus);
    }
}
