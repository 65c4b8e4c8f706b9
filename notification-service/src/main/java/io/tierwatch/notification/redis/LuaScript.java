package io.tierwatch.notification.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script from the classpath, loaded once and called by its SHA; reloaded when Redis
 * answers NOSCRIPT (after a restart or SCRIPT FLUSH).
 */
public final class LuaScript {

    private final JedisPooled jedis;
    private final String source;
    private volatile String sha;

    private LuaScript(JedisPooled jedis, String source) {
        this.jedis = jedis;
        this.source = source;
    }

    public static LuaScript load(JedisPooled jedis, Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + resource + " next to " + owner.getName());
            }
            return new LuaScript(jedis, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object run(List<String> keys, List<String> args) {
        if (sha == null) {
            sha = jedis.scriptLoad(source);
        }
        try {
            return jedis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            sha = jedis.scriptLoad(source);
            return jedis.evalsha(sha, keys, args);
        }
    }

    /** One call's KEYS and ARGV. */
    public record Call(List<String> keys, List<String> args) {
    }

    /**
     * Runs the calls in one pipeline, in order, and returns their replies in the same order. When
     * Redis lost the script, none of them ran: it is loaded again and the calls are sent again.
     */
    public List<Object> runAll(List<Call> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        if (sha == null) {
            sha = jedis.scriptLoad(source);
        }
        try {
            return pipelined(calls);
        } catch (JedisNoScriptException e) {
            sha = jedis.scriptLoad(source);
            return pipelined(calls);
        }
    }

    private List<Object> pipelined(List<Call> calls) {
        List<Response<Object>> replies = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            calls.forEach(c -> replies.add(pipeline.evalsha(sha, c.keys(), c.args())));
            pipeline.sync();
        }
        List<Object> results = new ArrayList<>(replies.size());
        replies.forEach(r -> results.add(r.get()));
        return results;
    }
}
