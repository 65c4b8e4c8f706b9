package io.tierwatch.bench.script;

import java.util.function.Supplier;

import io.tierwatch.contracts.EventEnvelope;
import redis.clients.jedis.Jedis;

/**
 * The naive way to do the same work: one synchronous EVALSHA per event, waiting for each reply
 * before sending the next (no pipelining, no batching, no Kafka). Offsets grow with the stream,
 * so the watermark lets every event through, as for a fresh consumer.
 */
public final class NaiveBaseline {

    private NaiveBaseline() {
    }

    /** Events per second over {@code count} events. */
    public static double run(String host, int port, String sha, Supplier<EventEnvelope<?>> events, long count) {
        try (Jedis jedis = new Jedis(host, port, 60_000)) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                ApplyCall.Call call = ApplyCall.of(events.get(), i);
                jedis.evalsha(sha, call.keys(), call.argv());
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
