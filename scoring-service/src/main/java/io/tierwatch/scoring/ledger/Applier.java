package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.domain.TierPolicy;
import io.tierwatch.scoring.domain.TraitRules;

/**
 * Applies one command to a customer's parsed state, in memory: the running totals, the window
 * over daily buckets, the traits, the tier with its hysteresis, the top contributors, and, on
 * a tier change, the outbox entry. Money is exact: every sum is
 * {@link Math#addExact}, so an overflow throws {@link ArithmeticException} and the caller
 * rebuilds the customer without the command. The window ends at the latest event day seen (or
 * the last sweep day); buckets leave it as it moves and count in the previous window (for
 * POTENTIAL) until they are two windows old.
 */
final class Applier {

    static final int APPLIED = 1;
    static final int DUPLICATE = 0;
    /** A sweep of a customer with nothing due by its day: nothing changes, nothing is written. */
    static final int SKIPPED = 3;

    private final LedgerSettings settings;
    private final TierPolicy policy;
    private final TraitRules traitRules;
    private final long window;

    Applier(LedgerSettings settings) {
        this.settings = settings;
        this.policy = new TierPolicy(settings.policy());
        this.traitRules = new TraitRules(settings.traits());
        this.window = settings.windowDays();
    }

    /** What one command did: APPLIED, DUPLICATE or SKIPPED, and the tier before a change ("" for a first tier), else null. */
    record Step(int status, String previousTier) {
    }

    Step apply(CustomerWork w, LedgerCommand c) {
        CustomerState st = w.state;
        if (!c.watermark().isEmpty()) {
            Long last = st.watermarks.get(c.watermark());
            if (last != null && c.offset() <= last) {
                return new Step(DUPLICATE, null);
            }
            st.watermarks.put(c.watermark(), c.offset());
        }
        String changed = null;
        switch (c.mode()) {
            case "master" -> {
                if (st.asOf != null && c.streamDay() > st.asOf) {
                    // the stream's today passed this customer's window end (a sweep found nothing due
                    // for it): the traits are of the window as of today; ageing moves no figure unless
                    // an index entry was lost, and then the tier follows
                    age(st, c.streamDay());
                    master(st, c);
                    changed = decide(w, c);
                } else {
                    master(st, c);
                }
            }
            case "sweep" -> {
                Long due = due(st);
                if (due == null || due > c.day()) {
                    return new Step(SKIPPED, null); // ageing it to that day would change nothing
                }
                age(st, c.day());
                changed = decide(w, c);
            }
            default -> {
                event(st, c);
                changed = decide(w, c);
            }
        }
        return new Step(APPLIED, changed);
    }

    private void master(CustomerState st, LedgerCommand c) {
        var m = c.master();
        st.name = m.name();
        st.owner = m.ownerRepId() == null || m.ownerRepId().isEmpty() ? null : m.ownerRepId();
        st.since = m.customerSince() == null ? null : m.customerSince().toEpochDay();
        st.strategic = m.strategic();
        st.traits = joined(traits(st));
    }

    private void event(CustomerState st, LedgerCommand c) {
        Delta d = c.delta();
        long day = c.day();
        if (st.asOf != null && c.streamDay() > st.asOf) {
            age(st, c.streamDay()); // the stream's today passed this customer's window end
        }
        // the window ends at the latest of the customer's own days and the stream's today
        long end = Math.max(day, c.streamDay());
        long[] delta = {d.revenue(), d.costOfGoods(), d.costToServe(), d.orders(), d.tickets()};
        boolean inWindow = day > (st.asOf == null ? end : Math.max(st.asOf, end)) - window;
        add(st.lifetime, delta, 1);
        if (delta[0] != 0 || delta[1] != 0 || delta[2] != 0) {
            long[] month = st.months.computeIfAbsent(d.month(), m -> new long[] {0, 0, 1});
            month[0] = Math.addExact(month[0], delta[0]);
            month[1] = Math.addExact(month[1], d.profitImpact());
        }
        if (inWindow) {
            long[] bucket = st.buckets.computeIfAbsent(day, k -> new long[5]);
            add(bucket, delta, 1);
            add(st.window, delta, 1);
        }
        age(st, end);
        st.first = st.first == null ? day : Math.min(st.first, day);
        st.last = st.last == null ? day : Math.max(st.last, day);
        long impact = d.profitImpact();
        if (inWindow && impact != 0) {
            contribute(st, String.join("|", Long.toString(day), c.eventId(), d.kind(), d.reference(),
                    d.occurredAt().toString(), Long.toString(impact)));
        }
    }

    /**
     * The next day on which ageing the window would change what the customer shows: a bucket
     * leaves the window (its day + the window: the figures, and so perhaps the tier), a bucket
     * leaves the previous window (its revenue, and POTENTIAL), or a trait's
     * day threshold passes (NEW ends; LOYAL begins or ends, where it can hold at all); null when
     * none will. The sweep ages a customer on that day, not before ({@code tw:score:idx:due:<p>}).
     */
    Long due(CustomerState st) {
        if (st.asOf == null) {
            return null;
        }
        long asOf = st.asOf;
        long due = Long.MAX_VALUE;
        Long inWindow = st.buckets.higherKey(asOf - window);
        if (inWindow != null) {
            due = inWindow + window;
        }
        Long previous = st.buckets.higherKey(asOf - 2 * window);
        if (previous != null && previous <= asOf - window) {
            due = Math.min(due, previous + 2 * window);
        }
        Long tenure = st.since != null ? st.since : st.first;
        var traits = settings.traits();
        if (tenure != null) {
            due = after(asOf, due, tenure + traits.newDays());
            long loyalFrom = tenure + traits.loyalDays();
            if (st.last != null && loyalFrom <= st.last + traits.activeDays()) {
                due = after(asOf, due, loyalFrom);
                due = after(asOf, due, st.last + traits.activeDays() + 1);
            }
        }
        return due == Long.MAX_VALUE ? null : due;
    }

    private static long after(long asOf, long due, long threshold) {
        return threshold > asOf ? Math.min(due, threshold) : due;
    }

    /** Moves the window end to {@code newAsOf}: buckets leaving it move to the previous window, then out. */
    private void age(CustomerState st, long newAsOf) {
        Long old = st.asOf;
        if (old != null && newAsOf <= old) {
            return;
        }
        st.asOf = newAsOf;
        if (old == null) {
            return;
        }
        boolean left = false;
        for (Map.Entry<Long, long[]> e : st.buckets.subMap(old - window, false, newAsOf - window, true).entrySet()) {
            add(st.window, e.getValue(), -1);
            st.previousWindowRevenue = Math.addExact(st.previousWindowRevenue, e.getValue()[0]);
            left = true;
        }
        Iterator<Map.Entry<Long, long[]>> gone = st.buckets.headMap(newAsOf - 2 * window, true).entrySet().iterator();
        while (gone.hasNext()) {
            st.previousWindowRevenue = Math.subtractExact(st.previousWindowRevenue, gone.next().getValue()[0]);
            gone.remove();
        }
        if (left) {
            long from = newAsOf - window;
            List<String> kept = st.contributors.stream().filter(m -> dayOf(m) > from).toList();
            if (kept.size() != st.contributors.size()) {
                st.contributors = kept;
            }
        }
    }

    private Set<Trait> traits(CustomerState st) {
        return traitRules.of(st.asOf, st.since != null ? st.since : st.first, st.last, st.lifetime[0], st.window[0],
                st.previousWindowRevenue, st.strategic);
    }

    /** Re-decides the tier; a change bumps the version and queues the outbox entry (the publisher
     * adds it to the history list once Kafka has it). */
    private String decide(CustomerWork w, LedgerCommand c) {
        CustomerState st = w.state;
        st.traits = joined(traits(st));
        Tier current = st.tier == null ? null : Tier.valueOf(st.tier);
        long[] win = st.window;
        Tier next = policy.decide(win[0] - win[1] - win[2], win[0] - win[1], win[2], current);
        if (next == current) {
            return null;
        }
        st.version++;
        st.tier = next.name();
        st.policy = settings.policy().version();
        String previous = current == null ? "" : current.name();
        String windowDays = Long.toString(window);
        w.queue(Long.toString(st.version),
                PendingChanges.entry(st, st.version, previous, windowDays, c.eventId(), c.occurredAt().toString()),
                PendingChanges.compact(previous, windowDays, c.occurredAt(), c.eventId()));
        return current == null ? "" : current.name();
    }

    /** Keeps the top N by |impact|, then by member, both descending (as a sorted set would). */
    private void contribute(CustomerState st, String member) {
        List<String> ranked = new ArrayList<>(st.contributors.size() + 1);
        ranked.add(member);
        for (String m : st.contributors) {
            if (!m.equals(member)) {
                ranked.add(m);
            }
        }
        ranked.sort(CustomerState.RANKING);
        List<String> top = ranked.subList(0, Math.min(settings.contributorsKept(), ranked.size()));
        if (!top.equals(st.contributors)) {
            st.contributors = List.copyOf(top);
        }
    }

    private static long dayOf(String member) {
        return Long.parseLong(member.substring(0, member.indexOf('|')));
    }

    private static String joined(Set<Trait> traits) {
        return traits.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static void add(long[] into, long[] amounts, int sign) {
        for (int k = 0; k < into.length; k++) {
            into[k] = sign > 0 ? Math.addExact(into[k], amounts[k]) : Math.subtractExact(into[k], amounts[k]);
        }
    }
}
