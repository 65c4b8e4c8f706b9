package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
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
        Map<String, Long> previous = new HashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (LedgerCommand command : commands) {
                String requires = "";
                if (!command.watermark().isEmpty()) {
                    Long before = previous.put(command.customerId() + '|' + command.watermark(), command.offset());
                    requires = before == null ? "" : before.toString();
                }
                replies.add(script.call(pipeline, sha, command, requires));
            }
            pipeline.sync();
        }
        List<ApplyOutcome> outcomes = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                outcomes.add(ApplyOutcome.of(commands.get(i).customerId(), replies.get(i).get()));
            } catch (JedisNoScriptException e) {
                throw e;
            } catch (JedisDataException e) {
                throw new ScriptFailedException(i, e);
            }
        }
        Indexes.refresh(jedis, outcomes);
        return outcomes;
    }
}
