package io.tierwatch.contracts;

/** One product line of an order; {@code discount} is the line's total discount, not per unit. */
public record OrderLine(String sku, long quantity, Money unitPrice, Money unitCost, Money discount) {

    public OrderLine {
        Require.text(sku, "sku");
        Require.positive(quantity, "quantity");
        Require.nonNegative(unitPrice, "unitPrice");
        Require.nonNegative(unitCost, "unitCost");
        discount = Require.orZero(discount, "discount");
        if (discount.compareTo(unitPrice.times(quantity)) > 0) {
            throw new InvalidFieldException("discount", "must not exceed quantity × unitPrice");
        }
    }

    public Money revenue() {
        return unitPrice.times(quantity).minus(discount);
    }

    public Money costOfGoods() {
        return unitCost.times(quantity);
    }
}
