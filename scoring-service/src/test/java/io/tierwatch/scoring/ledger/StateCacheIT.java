package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/**
 * The state cache saves reads and nothing else: a customer met again is not read from Redis, a
 * cached state that another writer made stale is caught by the commit's rev check, and a cached
 * state never outlives the Redis data it came from.
 */
@ExtendWith(RealInfrastructure.class)
class StateCacheIT {

    private static final LedgerSettings SETTINGS = TestLedgerSettings.DEFAULTS;

    private final JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));
    private final String customer = "cache-" + System.nanoTime();
    private long offset;

    @AfterEach
    void close() {
        jedis.close();
    }

    @Test
    void aCustomerMetAgainIsNotReadFromRedis() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.apply(List.of(order(1_000)));
        assertThat(ledger.cachedCustomers()).as("a first event does not enter the cache").isZero();
        ledger.apply(List.of(order(2_000))); // read again, and now cached
        long readsBefore = hgetallCalls();
        ledger.apply(List.of(order(3_000)));
        ledger.apply(List.of(order(4_000)));

        assertThat(hgetallCalls()).isEqualTo(readsBefore);
        assertThat(ledger.cacheHits()).isEqualTo(2);
        assertThat(ledger.cacheMisses()).isEqualTo(2);
        assertThat(stored()).containsEntry("lr", "10000").containsEntry("lo", "4");
    }

    @Test
    void aStateAnotherWriterChangedIsReadAgainNotOverwritten() {
        RedisLedger cached = new RedisLedger(jedis, SETTINGS, 100);
        RedisLedger other = new RedisLedger(jedis, SETTINGS);
        cached.apply(List.of(order(1_000)));
        cached.apply(List.of(order(1)));
        other.apply(List.of(order(20_000))); // the cached state is now one rev behind

        cached.apply(List.of(order(300)));

        assertThat(cached.rereads()).isEqualTo(1);
        assertThat(stored()).containsEntry("lr", "21301").containsEntry("lo", "4");
        // and the entry is right again afterwards: no more rereads
        cached.apply(List.of(order(4)));
        assertThat(cached.rereads()).isEqualTo(1);
        assertThat(stored()).containsEntry("lr", "21305");
    }

    @Test
    void aCachedStateNeverOutlivesTheRedisDataItCameFrom() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.apply(List.of(order(1_000)));
        ledger.apply(List.of(order(2_000)));
        assertThat(ledger.cachedCustomers()).isEqualTo(1);
        // the customer's data gone under the cache (a ledger of its own checks no state epoch; the
        // service's ledger would refuse to write at all on a Redis that lost its data: RedisLossIT)
        jedis.del(LedgerKeys.state(customer), LedgerKeys.outbox(customer), LedgerKeys.history(customer));

        ledger.apply(List.of(order(500)));

        // Redis is the record: the ledger goes on from what Redis holds, not from its memory
        assertThat(stored()).containsEntry("lr", "500").containsEntry("lo", "1");
        assertThat(ledger.cachedCustomers()).as("a new customer again").isZero();
    }

    @Test
    void aStateRolledBackUnderTheCacheIsReadAgain() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.apply(List.of(order(1_000)));
        ledger.apply(List.of(order(2_000)));
        Map<String, String> beforeLast = jedis.hgetAll(LedgerKeys.state(customer));
        ledger.apply(List.of(order(3_000)));
        // a fail-over to a replica that missed the last write: the script is still loaded
        jedis.del(LedgerKeys.state(customer));
        jedis.hset(LedgerKeys.state(customer), beforeLast);

        ledger.apply(List.of(order(500)));

        assertThat(ledger.rereads()).isEqualTo(1);
        assertThat(stored()).containsEntry("lr", "3500").containsEntry("lo", "3");
    }

    @Test
    void forgottenStatesAreReadAgain() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS, 100);
        ledger.apply(List.of(order(1_000)));
        ledger.apply(List.of(order(2_000)));
        ledger.forgetCachedStates();
        long readsBefore = hgetallCalls();

        ledger.apply(List.of(order(3_000)));

        assertThat(hgetallCalls()).isEqualTo(readsBefore + 1);
        assertThat(stored()).containsEntry("lr", "6000");
    }

    @Test
    void withNoCacheEveryBatchReads() {
        RedisLedger ledger = new RedisLedger(jedis, SETTINGS);
        ledger.apply(List.of(order(1_000)));
        long readsBefore = hgetallCalls();
        ledger.apply(List.of(order(2_000)));

        assertThat(hgetallCalls()).isEqualTo(readsBefore + 1);
        assertThat(ledger.cacheHits()).isZero();
        assertThat(ledger.cachedCustomers()).isZero();
    }

    private LedgerCommand order(long revenue) {
        long n = offset++;
        return LedgerCommand.event(customer, "orders", 0, n, customer + "-" + n,
                new Delta("order", "o-" + n, Instant.now(), revenue, revenue / 2, 0, 1, 0));
    }

    private Map<String, String> stored() {
        return LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer)));
    }

    private long hgetallCalls() {
        String stats = jedis.info("commandstats");
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_hgetall:")) {
                return Long.parseLong(line.replaceAll("^cmdstat_hgetall:calls=(\\d+),.*", "$1"));
            }
        }
        return 0;
    }
}
