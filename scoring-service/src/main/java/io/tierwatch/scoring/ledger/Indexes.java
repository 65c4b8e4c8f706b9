package io.tierwatch.scoring.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierwatch.contracts.Tier;
import redis.clients.jedis.AbstractPipeline;

/**
 * The global indexes the query API and the sweep read: customers by tier (together, every scored
 * customer) and by owner. They span slots, so they are written after the commit from its
 * outcomes, in the caller's pipeline (scoring-service: with the outbox clean-up). An applied record writes only what it changed (most change nothing); a
 * record skipped as a duplicate rewrites all of its customer's entries, because it may be the
 * replay of a batch whose index writes a crash lost, and every write sets a value, so that repairs it.
 */
final class Indexes {

    private Indexes() {
    }

    /** What a batch did to one customer: its last outcome and which index entries must be written. */
    private static final class Touched {
        private ApplyOutcome last;
        private boolean all;
        private boolean tier;
        private boolean owner;

        private final java.util.EnumSet<Tier> left = java.util.EnumSet.noneOf(Tier.class);

        void add(ApplyOutcome o) {
            last = o;
            if (o.previousTier() != null) {
                left.add(o.previousTier());
            }
            all |= !o.applied();
            tier |= o.changed();
            owner |= o.ownerChanged() || o.changed();
        }
    }

    /** Returns how many commands it added. */
    static int write(AbstractPipeline pipeline, List<ApplyOutcome> outcomes) {
        Map<String, Touched> touched = new LinkedHashMap<>();
        outcomes.forEach(o -> touched.computeIfAbsent(o.customerId(), id -> new Touched()).add(o));
        int commands = 0;
        for (Touched t : touched.values()) {
            commands += write(pipeline, t);
        }
        return commands;
    }

    private static int write(AbstractPipeline pipeline, Touched t) {
        ApplyOutcome o = t.last;
        if (o.tier() == null) {
            return 0;
        }
        int commands = 0;
        if (t.all) {
            for (Tier tier : Tier.values()) {
                if (tier == o.tier()) {
                    pipeline.zadd(LedgerKeys.tier(tier), 0, o.customerId());
                } else {
                    pipeline.zrem(LedgerKeys.tier(tier), o.customerId());
                }
                commands++;
            }
        } else if (t.tier) {
            // only the tiers this batch moved the customer through: most batches move it once, from
            // none (a new customer) or from one tier
            t.left.remove(o.tier());
            for (Tier tier : t.left) {
                pipeline.zrem(LedgerKeys.tier(tier), o.customerId());
                commands++;
            }
            pipeline.zadd(LedgerKeys.tier(o.tier()), 0, o.customerId());
            commands++;
        }
        if ((t.all || t.owner) && o.owner() != null) {
            pipeline.sadd(LedgerKeys.owner(o.owner()), o.customerId());
            commands++;
        }
        return commands;
    }
}
