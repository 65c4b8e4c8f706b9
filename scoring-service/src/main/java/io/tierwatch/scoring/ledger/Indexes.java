package io.tierwatch.scoring.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierwatch.contracts.Tier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;

/**
 * The global indexes the query API and the sweep read: customers by tier, by owner, and by the
 * day their window next ages. They span slots, so they are written after the scripts from
 * the scripts' outcomes; every write sets a value, so a replay repairs what a crash missed.
 */
final class Indexes {

    private Indexes() {
    }

    static void refresh(JedisPooled jedis, List<ApplyOutcome> outcomes) {
        Map<String, ApplyOutcome> last = new LinkedHashMap<>();
        outcomes.forEach(o -> last.put(o.customerId(), o));
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (ApplyOutcome o : last.values()) {
                if (o.windowExpiry() >= 0) {
                    pipeline.zadd(LedgerKeys.EXPIRY, o.windowExpiry(), o.customerId());
                } else {
                    pipeline.zrem(LedgerKeys.EXPIRY, o.customerId());
                }
                if (o.tier() == null) {
                    continue;
                }
                for (Tier tier : Tier.values()) {
                    if (tier == o.tier()) {
                        pipeline.zadd(LedgerKeys.tier(tier), 0, o.customerId());
                    } else {
                        pipeline.zrem(LedgerKeys.tier(tier), o.customerId());
                    }
                }
                pipeline.zadd(LedgerKeys.ALL, 0, o.customerId());
                if (o.owner() != null) {
                    pipeline.sadd(LedgerKeys.owner(o.owner()), o.customerId());
                }
            }
            pipeline.sync();
        }
    }
}
