package io.tierwatch.contracts;

/** A customer's profit figures over a period: gross margin = revenue − cost of goods; profit = gross margin − cost to serve. */
public record Figures(Money revenue, Money costOfGoods, Money grossMargin, Money costToServe, Money profit) {

    public Figures {
        Require.present(revenue, "revenue");
        Require.present(costOfGoods, "costOfGoods");
        Require.present(grossMargin, "grossMargin");
        Require.present(costToServe, "costToServe");
        Require.present(profit, "profit");
    }

    public static Figures of(long revenue, long costOfGoods, long costToServe) {
        long grossMargin = Math.subtractExact(revenue, costOfGoods);
        return new Figures(Money.ofMinor(revenue), Money.ofMinor(costOfGoods), Money.ofMinor(grossMargin),
                Money.ofMinor(costToServe), Money.ofMinor(Math.subtractExact(grossMargin, costToServe)));
    }
}
