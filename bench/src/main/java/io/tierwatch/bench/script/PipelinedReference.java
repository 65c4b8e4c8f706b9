package io.tierwatch.bench.script;

import java.util.function.Supplier;

import io.tierwatch.contracts.EventEnvelope;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The synthetic stream's own events applied the way scoring-service applies a poll (EVALSHA
 * pipelined in batches), from one Java connection without Kafka: the ceiling for the real
 * event mix, next to redis-benchmark's random-key one.
 */
public final class PipelinedReference {

    private PipelinedReference() {
    }

    /** Events per second over {@code count} events sent in pipelines of {@code batch}. */
    public static double run(String host, int port, String sha, Supplier<EventEnvelope<?>> events, long count, int batch) {
        try (Jedis jedis = new Jedis(host, port, 60_000)) {
            long start = System.nanoTime();
            Pipeline pipeline = jedis.pipelined();
            for (long i = 0; i < count; i++) {
                ApplyCall.Call call = ApplyCall.of(events.get(), i);
                pipeline.evalsha(sha, call.keys(), call.argv());
                if ((i + 1) % batch == 0) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
            pipeline.close();
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
