package io.tierwatch.order.ingest;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.redis.Keys;
import io.tierwatch.support.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;

/**
 * The idempotency record of every event id in Redis ({@code tw:order:submission:<eventId>}):
 * the content fingerprint, {@code pending} while Kafka has not acknowledged, {@code done} after.
 * A pending claim older than the publish timeout belongs to a process that died.
 */
@Component
public class SubmissionLedger {

    private final LuaScript claim;
    private final LuaScript release;
    private final JedisPooled redis;
    private final Clock clock;
    private final long staleAfterMillis;

    SubmissionLedger(JedisPooled redis, Clock clock, OrderServiceProperties properties) {
        this.redis = redis;
        this.claim = LuaScript.load(redis, SubmissionLedger.class, "/redis/submission-claim.lua");
        this.release = LuaScript.load(redis, SubmissionLedger.class, "/redis/submission-release.lua");
        this.clock = clock;
        // a live claimant has answered by then: it waits for the ack at most ackTimeout
        this.staleAfterMillis = properties.publish().ackTimeout().plusSeconds(5).toMillis();
    }

    public Claim claim(String eventId, String fingerprint) {
        return toClaim(claim.run(List.of(Keys.submission(eventId), Keys.storeMarker()), claimArgs(fingerprint)));
    }

    /** Claims many ids in one round trip. */
    public List<Claim> claimAll(List<Submission> batch) {
        List<LuaScript.Call> calls = batch.stream().map(s -> new LuaScript.Call(
                List.of(Keys.submission(s.eventId()), Keys.storeMarker()), claimArgs(s.fingerprint()))).toList();
        return claim.runAll(calls).stream().map(SubmissionLedger::toClaim).toList();
    }

    /**
     * Writes the record of an event Kafka already holds, as done, from a recovery; idempotent, and
     * never changes a record that exists.
     */
    public void restore(AbstractPipeline pipeline, String eventId, String fingerprint, long publishedAtMillis) {
        String key = Keys.submission(eventId);
        pipeline.hsetnx(key, "fp", fingerprint);
        pipeline.hsetnx(key, "state", "done");
        pipeline.hsetnx(key, "since", String.valueOf(publishedAtMillis));
        pipeline.hsetnx(key, "first", String.valueOf(publishedAtMillis));
    }

    public void complete(String eventId) {
        redis.hset(Keys.submission(eventId), "state", "done");
    }

    /** Marks many ids done in one round trip. */
    public void completeAll(List<String> eventIds) {
        try (var pipeline = redis.pipelined()) {
            eventIds.forEach(id -> pipeline.hset(Keys.submission(id), "state", "done"));
        }
    }

    public void release(String eventId, String fingerprint, Claim claim) {
        release.run(List.of(Keys.submission(eventId)), List.of(fingerprint, String.valueOf(claim.claimedAt())));
    }

    private List<String> claimArgs(String fingerprint) {
        return List.of(fingerprint, String.valueOf(clock.millis()), String.valueOf(staleAfterMillis));
    }

    private static Claim toClaim(Object reply) {
        List<?> parts = (List<?>) reply;
        Claim.Outcome outcome = Claim.Outcome.valueOf(text(parts.get(0)).toUpperCase().replace('-', '_'));
        return new Claim(outcome, Long.parseLong(text(parts.get(1))), Long.parseLong(text(parts.get(2))));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
