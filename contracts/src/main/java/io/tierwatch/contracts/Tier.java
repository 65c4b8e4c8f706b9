package io.tierwatch.contracts;

/** The four profitability tiers of the seed text: not every customer is worth the same. */
public enum Tier {
    /** Creates value: window profit at or above the A threshold. */
    A,
    /** Potential: profitable, neither A nor over-served. */
    B,
    /** Over-served: profitable, but cost to serve eats half or more of the gross margin. */
    C,
    /** Loss: the trailing window's profit is negative. */
    D
}
