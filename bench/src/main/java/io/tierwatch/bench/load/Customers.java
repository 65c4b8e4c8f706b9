package io.tierwatch.bench.load;

/**
 * The synthetic population: customer {@code rank} 0 is the largest. Basket size falls with rank
 * (a Pareto-like tail), and about one customer in sixteen is over-served: long free service
 * visits, parts given away, expedited call-outs.
 */
record Customers(String prefix, int size) {

    String id(int rank) {
        return prefix + rank;
    }

    /** Mean order value in minor units: ~20,000.00 for the largest customer, ~50.00 in the tail. */
    static long basket(int rank) {
        // The power law only shapes the size curve; every amount derived from it is integer minor units.
        return 5_000 + Math.round(2_000_000 / Math.pow(rank + 1, 0.7));
    }

    static boolean overServed(int rank) {
        return Integer.remainderUnsigned(rank * 0x9E3779B1, 16) == 3;
    }
}
