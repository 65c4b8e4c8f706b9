package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.Tier;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/**
 * The tier and owner sets a batch writes (one command per set, every member in it), in real
 * Redis: new customers land in their tier, a move leaves the old tier, and a replayed batch
 * repairs an entry a crash lost.
 */
@ExtendWith(RealInfrastructure.class)
class IndexesIT {

    private static final LedgerSettings SETTINGS = TestLedgerSettings.DEFAULTS;

    private final JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));
    private final String run = "idx-" + System.nanoTime() + "-";
    private final String rep = run + "rep";
    private long offset;

    @AfterEach
    void close() {
        jedis.close();
    }

    @Test
    void aBatchPutsEachCustomerInItsTierAndAMoveLeavesTheOldOne() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);
        String lossA = run + "a";
        String lossB = run + "b";
        String gain = run + "c";

        ledger.apply(List.of(master(lossA), order(lossA, 1_000, 3_000), order(lossB, 1_000, 3_000),
                master(gain), order(gain, 500_000, 10_000)));

        assertThat(tierOf(lossA)).isEqualTo(Tier.D);
        assertThat(tierOf(lossB)).isEqualTo(Tier.D);
        assertThat(tierOf(gain)).isEqualTo(Tier.A);
        assertThat(jedis.smembers(LedgerKeys.owner(rep))).containsExactlyInAnyOrder(lossA, gain);

        ledger.apply(List.of(order(lossA, 600_000, 10_000), order(lossB, 10, 0)));

        assertThat(tierOf(lossA)).isEqualTo(Tier.A);
        assertThat(tierOf(lossB)).isEqualTo(Tier.D);
    }

    @Test
    void aReplayedBatchRewritesTheEntriesACrashLost() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);
        String customer = run + "r";
        List<LedgerCommand> batch = List.of(master(customer), order(customer, 1_000, 3_000));
        ledger.commit(batch); // the instance died before the index writes
        assertThat(tierOf(customer)).isNull();

        ledger.apply(batch); // the redelivery: duplicates, which rewrite every entry of their customer

        assertThat(tierOf(customer)).isEqualTo(Tier.D);
        assertThat(jedis.sismember(LedgerKeys.owner(rep), customer)).isTrue();
    }

    /** The tier sets that hold the customer: exactly one, or none. */
    private Tier tierOf(String customer) {
        List<Tier> in = java.util.Arrays.stream(Tier.values())
                .filter(t -> jedis.sismember(LedgerKeys.tier(t), customer)).toList();
        assertThat(in).hasSizeLessThanOrEqualTo(1);
        return in.isEmpty() ? null : in.get(0);
    }

    private LedgerCommand master(String customer) {
        long n = offset++;
        return LedgerCommand.master("customers", 0, n, customer + "-m" + n,
                new CustomerUpserted(customer, "Name", rep, LocalDate.of(2020, 1, 1), false, Instant.now()));
    }

    private LedgerCommand order(String customer, long revenue, long cost) {
        long n = offset++;
        return LedgerCommand.event(customer, "orders", 0, n, customer + "-" + n,
                new Delta("order", "o-" + n, Instant.now(), revenue, cost, 0, 1, 0));
    }
}
