package io.tierwatch.order.returns;

import java.math.BigInteger;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.ReturnedLine;

/**
 * Prices a returned quantity of an order line: the refund is the line's net revenue for those
 * units, the cost of goods is quantity × unit cost. The line discount is shared out by units:
 * after k of n units came back, floor(discount × k / n) of it has been taken off the refunds.
 * Each return takes the difference of that share before and after it, so however a line comes
 * back, in one return or many, the refunds add up exactly to the line's revenue, and the cents
 * the division leaves over fall to the later units.
 */
final class ReturnPricing {

    private ReturnPricing() {
    }

    static ReturnedLine price(OrderLine line, long returnedBefore, long quantity) {
        if (quantity <= 0 || returnedBefore < 0 || returnedBefore + quantity > line.quantity()) {
            throw new IllegalArgumentException("cannot return " + quantity + " of " + line.sku() + " after "
                    + returnedBefore + " of " + line.quantity());
        }
        long discountShare = discountTaken(line, returnedBefore + quantity) - discountTaken(line, returnedBefore);
        Money refund = line.unitPrice().times(quantity).minus(Money.ofMinor(discountShare));
        return new ReturnedLine(line.sku(), quantity, refund, line.unitCost().times(quantity));
    }

    private static long discountTaken(OrderLine line, long unitsReturned) {
        return BigInteger.valueOf(line.discount().minorUnits()).multiply(BigInteger.valueOf(unitsReturned))
                .divide(BigInteger.valueOf(line.quantity())).longValueExact();
    }
}
