package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/**
 * Two ledgers write the same customers at once, as the sweep and the listener do, or a consumer
 * that lost its partition and its successor: every commit checks the customer's rev, so a writer
 * that read a customer before the other's commit reads it again instead of overwriting it. No
 * update may be lost: every customer's totals must be the sum of both writers' events.
 */
@ExtendWith(RealInfrastructure.class)
class ConcurrentWritersIT {

    private static final LedgerSettings SETTINGS = TestLedgerSettings.DEFAULTS;

    /** With state caches (as scoring-service runs) each writer's cached states go stale at every commit of the other. */
    @ParameterizedTest(name = "state cache of {0} customers")
    @ValueSource(ints = {0, 1_000})
    void losesNoUpdateWhenTwoWritersCommitTheSameCustomers(int cachedCustomers) throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add("race-" + System.nanoTime() + "-" + i);
        }
        Map<String, Long> expected = new HashMap<>();
        List<List<LedgerCommand>> writerA = batches("topic-a", customers, 1, expected);
        List<List<LedgerCommand>> writerB = batches("topic-b", customers, 7, expected);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()))) {
            RedisLedger a = new RedisLedger(jedis, SETTINGS, cachedCustomers);
            RedisLedger b = new RedisLedger(jedis, SETTINGS, cachedCustomers);
            List<Future<Integer>> done = pool.invokeAll(List.of(writer(a, writerA), writer(b, writerB)));
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(writerA.size());
            }
            // the writers did collide: customers were read again after the other's commit
            assertThat(a.rereads() + b.rereads()).isPositive();
            if (cachedCustomers > 0) {
                assertThat(a.cacheHits() + b.cacheHits()).isPositive();
            }
            for (String id : customers) {
                Map<String, String> state = LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(id)));
                assertThat(Long.parseLong(state.get("lr"))).as(id).isEqualTo(expected.get(id));
                assertThat(state.get("lo")).as(id).isEqualTo(String.valueOf(2 * writerA.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final AtomicInteger contended = new AtomicInteger();

    private static Callable<Integer> writer(RedisLedger ledger, List<List<LedgerCommand>> batches) {
        return () -> {
            int applied = 0;
            for (List<LedgerCommand> batch : batches) {
                RedisLedger.Result result = null;
                while (result == null) {
                    try {
                        result = ledger.apply(batch);
                    } catch (ContentionException e) {
                        contended.incrementAndGet(); // as the listener does: the whole batch again
                    }
                }
                assertThat(result.failure()).isNull();
                applied += (int) (result.outcomes().stream().filter(ApplyOutcome::applied).count() > 0 ? 1 : 0);
            }
            return applied;
        };
    }

    /** 300 batches, each one order for every customer (its own watermark topic, so both writers' orders count). */
    private static List<List<LedgerCommand>> batches(String topic, List<String> customers, long seed,
            Map<String, Long> expected) {
        List<List<LedgerCommand>> batches = new ArrayList<>();
        Instant at = Instant.now();
        long offset = 0;
        for (int b = 0; b < 300; b++) {
            List<LedgerCommand> batch = new ArrayList<>();
            for (String id : customers) {
                long revenue = 100 + (seed * 31 + offset * 17) % 5_000;
                expected.merge(id, revenue, Long::sum);
                batch.add(LedgerCommand.event(id, topic, 0, offset, topic + "-" + offset,
                        new Delta("order", "o-" + offset, at, revenue, revenue / 2, 0, 1, 0)));
                offset++;
            }
            batches.add(batch);
        }
        return batches;
    }
}
