package io.tierwatch.scoring.ledger;

import java.util.List;

import io.tierwatch.contracts.Tier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Moves the tier indexes of an earlier version, a sorted set per tier ({@code idx:tier:<T>}),
 * into the tier sets ({@link LedgerKeys#tier}), then deletes them. Runs at start-up, before the
 * listeners: a customer's tier cannot move while its membership is copied. Safe to repeat: a run
 * cut short leaves the sorted set in place and copies it again next time.
 */
public final class TierIndexMigration {

    private static final int PAGE = 1000;

    private TierIndexMigration() {
    }

    /** Returns how many members it moved (0 when there is nothing left of the old layout). */
    public static long run(JedisPooled jedis) {
        long moved = 0;
        for (Tier tier : Tier.values()) {
            String legacy = LedgerKeys.legacyTier(tier);
            if (!"zset".equals(jedis.type(legacy))) {
                continue;
            }
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<Tuple> page = jedis.zscan(legacy, cursor, new ScanParams().count(PAGE));
                List<String> members = page.getResult().stream().map(Tuple::getElement).toList();
                if (!members.isEmpty()) {
                    jedis.sadd(LedgerKeys.tier(tier), members.toArray(String[]::new));
                    moved += members.size();
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            jedis.unlink(legacy);
        }
        return moved;
    }
}
