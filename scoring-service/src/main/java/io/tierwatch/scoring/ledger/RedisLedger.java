package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Applies a poll's commands in one pipeline, one script call each, then refreshes the global
 * indexes from the outcomes. Running a batch twice is harmless: the watermark skips what was
 * applied, and the outcomes (and so the indexes) come out the same.
 */
public final class RedisLedger {

    private final JedisPooled jedis;
    private final ApplyScript script;

    public RedisLedger(JedisPooled jedis, ApplyScript script) {
        this.jedis = jedis;
        this.script = script;
    }

    public List<ApplyOutcome> apply(List<LedgerCommand> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        try {
            return run(commands);
        } catch (JedisNoScriptException e) {
            // Redis restarted or was flushed; the watermark makes re-running the batch safe.
            script.load(jedis);
            return run(commands);
        }
    }

    private List<ApplyOutcome> run(List<LedgerCommand> commands) {
        String sha = script.sha(jedis);
        List<Response<Object>> replies = new ArrayList<>(commands.size());
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (LedgerCommand command : commands) {
                replies.add(script.call(pipeline, sha, command));
            }
            pipeline.sync();
        }
        List<ApplyOutcome> outcomes = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            outcomes.add(ApplyOutcome.of(commands.get(i).customerId(), replies.get(i).get()));
        }
        Indexes.refresh(jedis, outcomes);
        return outcomes;
    }
}
