package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierwatch.contracts.Tier;
import redis.clients.jedis.AbstractPipeline;

/**
 * The global indexes the query API and the sweep read: customers by tier (together, every scored
 * customer), by owner, and by the day a sweep must next age them, per input partition
 * ({@code tw:score:due:<partition>}, a sorted set). They span slots, so they are written after the commit from its
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
        private boolean due;

        private final java.util.EnumSet<Tier> left = java.util.EnumSet.noneOf(Tier.class);

        void add(ApplyOutcome o) {
            last = o;
            if (o.previousTier() != null) {
                left.add(o.previousTier());
            }
            all |= !o.applied() && !o.skipped();
            tier |= o.changed();
            owner |= o.ownerChanged() || o.changed();
            due |= o.dueMoved();
        }
    }

    /** Returns how many commands it added: one per index key touched, with all of its members. */
    static int write(AbstractPipeline pipeline, List<ApplyOutcome> outcomes) {
        Map<String, Touched> touched = new LinkedHashMap<>();
        outcomes.forEach(o -> touched.computeIfAbsent(o.customerId(), id -> new Touched()).add(o));
        Writes writes = new Writes();
        touched.values().forEach(t -> writes.add(t));
        return writes.send(pipeline);
    }

    /**
     * A batch's index writes by key: one SADD or SREM per key with every member, rather than one
     * command per customer (a command's fixed cost in Redis is paid once per key).
     */
    private static final class Writes {
        private final Map<String, List<String>> sadd = new LinkedHashMap<>();
        private final Map<String, List<String>> srem = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> zadd = new LinkedHashMap<>();
        private final Map<String, List<String>> zrem = new LinkedHashMap<>();

        void add(Touched t) {
            ApplyOutcome o = t.last;
            if (t.all || t.due) {
                String key = LedgerKeys.due(o.partition());
                if (o.due() != null) {
                    zadd.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(o.customerId(), o.due().doubleValue());
                } else {
                    zrem.computeIfAbsent(key, k -> new ArrayList<>()).add(o.customerId());
                }
            }
            if (o.tier() == null) {
                return;
            }
            if (t.all) {
                for (Tier tier : Tier.values()) {
                    if (tier == o.tier()) {
                        added(LedgerKeys.tier(tier), o.customerId());
                    } else {
                        removed(tier, o.customerId());
                    }
                }
            } else if (t.tier) {
                // only the tiers this batch moved the customer through: most batches move it once,
                // from none (a new customer) or from one tier
                t.left.remove(o.tier());
                t.left.forEach(tier -> removed(tier, o.customerId()));
                added(LedgerKeys.tier(o.tier()), o.customerId());
            }
            if ((t.all || t.owner) && o.owner() != null) {
                added(LedgerKeys.owner(o.owner()), o.customerId());
            }
        }

        private void added(String key, String customerId) {
            sadd.computeIfAbsent(key, k -> new ArrayList<>()).add(customerId);
        }

        private void removed(Tier tier, String customerId) {
            srem.computeIfAbsent(LedgerKeys.tier(tier), k -> new ArrayList<>()).add(customerId);
        }

        int send(AbstractPipeline pipeline) {
            sadd.forEach((key, members) -> pipeline.sadd(key, members.toArray(String[]::new)));
            srem.forEach((key, members) -> pipeline.srem(key, members.toArray(String[]::new)));
            zadd.forEach(pipeline::zadd);
            zrem.forEach((key, members) -> pipeline.zrem(key, members.toArray(String[]::new)));
            return sadd.size() + srem.size() + zadd.size() + zrem.size();
        }
    }
}
