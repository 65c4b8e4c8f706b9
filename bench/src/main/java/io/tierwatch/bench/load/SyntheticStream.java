package io.tierwatch.bench.load;

import java.net.URI;
import java.time.Instant;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

import io.tierwatch.contracts.EventEnvelope;

/**
 * A seeded, reproducible stream of orders, returns and service tickets. A share of the events
 * ({@code newShare}) come from customers seen for the first time, in rank order, the rest from a
 * Zipf draw over the population, so a few customers place many orders and most place one or two
 * (the shape of CDNOW, where half of the customers buy once). The same seed gives the same stream.
 */
public final class SyntheticStream {

    static final URI SOURCE = URI.create("urn:tierwatch:bench");

    private final Customers customers;
    private final Zipf zipf;
    private final SplittableRandom random;
    private final double newShare;
    private final LongFunction<Instant> clock;
    private final String idPrefix;
    private final EventFactory factory;
    private final BitSet seen = new BitSet();
    private int nextNew;
    private long sequence;

    /**
     * @param clock event time of the n-th event (history replay: spread over past days; live: now)
     */
    public SyntheticStream(String customerPrefix, int population, double zipfExponent, double newShare, long seed,
            LongFunction<Instant> clock) {
        this.customers = new Customers(customerPrefix, population);
        this.zipf = new Zipf(population, zipfExponent);
        this.random = new SplittableRandom(seed);
        this.newShare = newShare;
        this.clock = clock;
        this.idPrefix = customerPrefix + "e";
        this.factory = new EventFactory(random);
    }

    public EventEnvelope<?> next() {
        int rank = nextNew < customers.size() && random.nextDouble() < newShare ? nextNew++ : zipf.sample(random);
        seen.set(rank);
        long n = sequence++;
        Instant time = clock.apply(n);
        String id = idPrefix + n;
        return EventEnvelope.of(id, SOURCE, time, customers.id(rank), factory.event(id, customers.id(rank), rank, time));
    }

    /** Distinct customers the stream has produced events for so far. */
    public int customersSeen() {
        return seen.cardinality();
    }

    public long produced() {
        return sequence;
    }

    public String customerId(int rank) {
        return customers.id(rank);
    }
}
