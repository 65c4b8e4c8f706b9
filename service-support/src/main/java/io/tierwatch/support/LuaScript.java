package io.tierwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script from the classpath, loaded once and called by its SHA ({@code EVALSHA}), the way
 * every service calls Redis scripts. Reloaded when Redis answers NOSCRIPT, which it does after a
 * restart or a {@code SCRIPT FLUSH}: the script cache does not survive either.
 */
public final class LuaScript {

    private final UnifiedJedis redis;
    private final String source;
    private volatile String sha;

    private LuaScript(UnifiedJedis redis, String source) {
        this.redis = redis;
        this.source = source;
    }

    /** @param resource a name relative to {@code owner}'s package, or absolute with a leading {@code /} */
    public static LuaScript load(UnifiedJedis redis, Class<?> owner, String resource) {
        return new LuaScript(redis, read(owner, resource));
    }

    /** The script's text, for a caller that loads it into Redis another way. */
    public static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + resource + " next to " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String source() {
        return source;
    }

    /** The script's SHA, loading it into Redis the first time. */
    public String sha() {
        String known = sha;
        return known != null ? known : reload();
    }

    /** Loads the script again, after Redis lost it. */
    public String reload() {
        sha = redis.scriptLoad(source);
        return sha;
    }

    public Object run(List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha(), keys, args);
        } catch (JedisNoScriptException e) {
            return redis.evalsha(reload(), keys, args);
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
        try {
            return pipelined(sha(), calls);
        } catch (JedisNoScriptException e) {
            return pipelined(reload(), calls);
        }
    }

    private List<Object> pipelined(String sha, List<Call> calls) {
        List<Response<Object>> replies = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            calls.forEach(c -> replies.add(pipeline.evalsha(sha, c.keys(), c.args())));
            pipeline.sync();
        }
        List<Object> results = new ArrayList<>(replies.size());
        replies.forEach(r -> results.add(r.get()));
        return results;
    }
}
