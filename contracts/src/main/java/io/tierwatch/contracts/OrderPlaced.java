package io.tierwatch.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A customer placed an order. Revenue is Σ(quantity × unit price) − discounts; cost of goods
 * is Σ(quantity × unit cost) plus the shipping the seller paid.
 */
public record OrderPlaced(
        String orderId,
        String customerId,
        Instant occurredAt,
        String currency,
        List<OrderLine> lines,
        Money shippingCost) {

    public OrderPlaced {
        Require.id(orderId, "orderId");
        Require.id(customerId, "customerId");
        Require.present(occurredAt, "occurredAt");
        Require.text(currency, "currency");
        lines = List.copyOf(Require.notEmpty(lines, "lines"));
        shippingCost = Require.orZero(shippingCost, "shippingCost");
    }

    public Money revenue() {
        return lines.stream().map(OrderLine::revenue).reduce(Money.ZERO, Money::plus);
    }

    public Money costOfGoods() {
        return lines.stream().map(OrderLine::costOfGoods).reduce(shippingCost, Money::plus);
    }
}
