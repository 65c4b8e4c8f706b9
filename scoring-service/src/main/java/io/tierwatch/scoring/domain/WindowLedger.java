package io.tierwatch.scoring.domain;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;

/**
 * One customer's running profit, window and tier, in plain Java: the executable specification
 * of {@code redis/apply.lua} (a test runs both on the same random histories). The window ends
 * at the latest event day seen (or the last sweep day); daily buckets leave it as it moves,
 * and count in the previous window (for POTENTIAL) until they are two windows old.
 */
public final class WindowLedger {

    private final int windowDays;
    private final TierPolicy policy;
    private final TraitRules traitRules;
    private final TreeMap<Long, long[]> buckets = new TreeMap<>();
    private final long[] window = new long[5];
    private final long[] lifetime = new long[5];
    private long previousWindowRevenue;
    private Long asOf;
    private Long first;
    private Long last;
    private Long since;
    private boolean strategic;
    private Tier tier;
    private long version;
    private Set<Trait> traits = Set.of();

    public WindowLedger(int windowDays, TierPolicy policy, TraitRules traitRules) {
        this.windowDays = windowDays;
        this.policy = policy;
        this.traitRules = traitRules;
    }

    /** Applies an event; returns the tier change it caused, if any. */
    public Optional<Tier> apply(long day, Delta delta) {
        age(day);
        long[] amounts = {delta.revenue(), delta.costOfGoods(), delta.costToServe(), delta.orders(), delta.tickets()};
        add(lifetime, amounts, 1);
        first = first == null ? day : Math.min(first, day);
        last = last == null ? day : Math.max(last, day);
        if (day > asOf - windowDays) {
            add(window, amounts, 1);
            add(buckets.computeIfAbsent(day, d -> new long[5]), amounts, 1);
        }
        return decide();
    }

    /** Ages the window to {@code today} and re-decides, as the scheduled sweep does. */
    public Optional<Tier> sweep(long today) {
        if (asOf == null) {
            return Optional.empty();
        }
        age(today);
        return decide();
    }

    /** Master data: tenure counts from {@code sinceDay} when known. */
    public void master(Long sinceDay, boolean strategicFlag) {
        this.since = sinceDay;
        this.strategic = strategicFlag;
        traits = currentTraits();
    }

    private void age(long newAsOf) {
        if (asOf != null && newAsOf <= asOf) {
            return;
        }
        Long old = asOf;
        asOf = newAsOf;
        if (old == null) {
            return;
        }
        for (Map.Entry<Long, long[]> e : buckets.subMap(old - windowDays, false, newAsOf - windowDays, true).entrySet()) {
            add(window, e.getValue(), -1);
            previousWindowRevenue += e.getValue()[0];
        }
        Iterator<Map.Entry<Long, long[]>> gone = buckets.headMap(newAsOf - 2L * windowDays, true).entrySet().iterator();
        while (gone.hasNext()) {
            previousWindowRevenue -= gone.next().getValue()[0];
            gone.remove();
        }
    }

    private Optional<Tier> decide() {
        traits = currentTraits();
        Tier next = policy.decide(profit(window), window[0] - window[1], window[2], tier);
        if (next == tier) {
            return Optional.empty();
        }
        tier = next;
        version++;
        return Optional.of(next);
    }

    private Set<Trait> currentTraits() {
        return traitRules.of(asOf, since != null ? since : first, last, lifetime[0], window[0], previousWindowRevenue,
                strategic);
    }

    private static void add(long[] into, long[] amounts, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], sign * amounts[i]);
        }
    }

    private static long profit(long[] figures) {
        return figures[0] - figures[1] - figures[2];
    }

    public Tier tier() {
        return tier;
    }

    public long version() {
        return version;
    }

    public Set<Trait> traits() {
        return traits;
    }

    /** Revenue, cost of goods, cost to serve, orders, tickets in the window. */
    public long[] window() {
        return window.clone();
    }

    public long[] lifetime() {
        return lifetime.clone();
    }

    public long previousWindowRevenue() {
        return previousWindowRevenue;
    }
}
