package io.tierwatch.bench.script;

import java.util.List;
import java.util.function.Supplier;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.RedisLedger;
import redis.clients.jedis.JedisPooled;

/**
 * The stream's own events applied the way scoring-service applies a poll (the ledger given a
 * batch: one read pipeline, the commits, the index writes), from Java without Kafka: the ceiling
 * for the real event mix, next to redis-benchmark's random-key one. The batches are built before
 * the clock starts, so the figure is the ledger's, not the generator's.
 */
public final class PipelinedReference {

    private PipelinedReference() {
    }

    /** Events per second over {@code count} events applied in batches of {@code batch}. */
    public static double run(String host, int port, Supplier<EventEnvelope<?>> events, long count, int batch) {
        List<LedgerCommand> commands = Ledger.commands(events, count);
        try (JedisPooled jedis = Ledger.connect(host, port)) {
            RedisLedger ledger = Ledger.open(jedis);
            long start = System.nanoTime();
            for (int from = 0; from < commands.size(); from += batch) {
                Ledger.check(ledger.applyAsPublished(commands.subList(from, Math.min(commands.size(), from + batch))));
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
