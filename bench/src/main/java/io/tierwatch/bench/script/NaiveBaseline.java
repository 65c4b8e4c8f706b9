package io.tierwatch.bench.script;

import java.util.List;
import java.util.function.Supplier;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.RedisLedger;
import redis.clients.jedis.JedisPooled;

/**
 * The naive way to do the same work: scoring-service's ledger applied to one event at a time, so
 * every event pays its read, commit and index round trips synchronously (no batching, no Kafka).
 * Offsets grow with the stream, so the watermark lets every event through, as for a fresh consumer.
 * The commands are built before the clock starts, as for the pipelined reference.
 */
public final class NaiveBaseline {

    private NaiveBaseline() {
    }

    /** Events per second over {@code count} events. */
    public static double run(String host, int port, Supplier<EventEnvelope<?>> events, long count) {
        List<LedgerCommand> commands = Ledger.commands(events, count);
        try (JedisPooled jedis = Ledger.connect(host, port)) {
            RedisLedger ledger = Ledger.open(jedis);
            long start = System.nanoTime();
            for (LedgerCommand command : commands) {
                Ledger.check(ledger.applyAsPublished(List.of(command)));
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
