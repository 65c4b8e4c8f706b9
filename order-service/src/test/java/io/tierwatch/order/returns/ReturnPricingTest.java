package io.tierwatch.order.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.ReturnedLine;

class ReturnPricingTest {

    private final OrderLine line = new OrderLine("BOLT-7", 3, Money.parse("10.00"), Money.parse("6.00"), Money.parse("1.00"));

    @Test
    void refundsTheReturnedUnitsLessTheirShareOfTheLineDiscount() {
        ReturnedLine one = ReturnPricing.price(line, 0, 1);

        assertThat(one.refund()).isEqualTo(Money.parse("9.67"));
        assertThat(one.costOfGoods()).isEqualTo(Money.parse("6.00"));
    }

    @Test
    void refundsExactlyTheLineRevenueHoweverTheLineComesBack() {
        Money oneByOne = ReturnPricing.price(line, 0, 1).refund().plus(ReturnPricing.price(line, 1, 1).refund())
                .plus(ReturnPricing.price(line, 2, 1).refund());
        Money oneThenTwo = ReturnPricing.price(line, 0, 1).refund().plus(ReturnPricing.price(line, 1, 2).refund());
        Money atOnce = ReturnPricing.price(line, 0, 3).refund();

        assertThat(oneByOne).isEqualTo(line.revenue());
        assertThat(oneThenTwo).isEqualTo(line.revenue());
        assertThat(atOnce).isEqualTo(line.revenue());
        // the cent the division leaves over falls to the last unit
        assertThat(ReturnPricing.price(line, 2, 1).refund()).isEqualTo(Money.parse("9.66"));
    }

    @Test
    void refusesToPriceMoreThanIsLeftOfTheLine() {
        assertThatThrownBy(() -> ReturnPricing.price(line, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
