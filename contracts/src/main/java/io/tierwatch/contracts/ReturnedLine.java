package io.tierwatch.contracts;

/**
 * One returned line: the revenue refunded and the cost of goods taken back, as amounts, so a
 * return of a discounted line reverses exactly what the order-service computed for it.
 */
public record ReturnedLine(String sku, long quantity, Money refund, Money costOfGoods) {

    public ReturnedLine {
        Require.text(sku, "sku");
        Require.positive(quantity, "quantity");
        Require.nonNegative(refund, "refund");
        Require.nonNegative(costOfGoods, "costOfGoods");
    }
}
