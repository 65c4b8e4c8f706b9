package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.Tier;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/** The tier sorted sets of an earlier version, moved into the tier sets at start-up, in real Redis. */
@ExtendWith(RealInfrastructure.class)
class TierIndexMigrationIT {

    private final JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));
    private final String run = "migr-" + System.nanoTime() + "-";

    /** The members are no customers: they leave the shared tier sets, which the API and sweep tests read. */
    @AfterEach
    void close() {
        for (Tier tier : Tier.values()) {
            String[] ours = jedis.smembers(LedgerKeys.tier(tier)).stream().filter(m -> m.startsWith(run))
                    .toArray(String[]::new);
            if (ours.length > 0) {
                jedis.srem(LedgerKeys.tier(tier), ours);
            }
        }
        jedis.close();
    }

    @Test
    void movesEveryMemberOfTheOldSortedSetsAndDeletesThem() {
        // more members than one ZSCAN page, so the copy takes several
        for (int i = 0; i < 2_500; i++) {
            jedis.zadd(LedgerKeys.legacyTier(Tier.B), 0, run + "b" + i);
        }
        jedis.zadd(LedgerKeys.legacyTier(Tier.D), 0, run + "d");
        jedis.sadd(LedgerKeys.tier(Tier.B), run + "already-in-the-set");

        long moved = TierIndexMigration.run(jedis);

        assertThat(moved).isGreaterThanOrEqualTo(2_501);
        assertThat(jedis.smismember(LedgerKeys.tier(Tier.B), run + "b0", run + "b1249", run + "b2499",
                run + "already-in-the-set")).containsOnly(true);
        assertThat(jedis.sismember(LedgerKeys.tier(Tier.D), run + "d")).isTrue();
        assertThat(jedis.sismember(LedgerKeys.tier(Tier.B), run + "d")).isFalse();
        for (Tier tier : Tier.values()) {
            assertThat(jedis.exists(LedgerKeys.legacyTier(tier))).isFalse();
        }
        assertThat(TierIndexMigration.run(jedis)).isZero();
    }
}
