package io.tierwatch.order.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** A Lua script from the classpath, called by its SHA; loaded again when Redis lost it (restart, SCRIPT FLUSH). */
public final class LuaScript {

    private final String source;
    private volatile String sha;

    private LuaScript(String source) {
        this.source = source;
    }

    public static LuaScript load(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + resource);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object call(JedisPooled redis, List<String> keys, List<String> args) {
        if (sha == null) {
            sha = redis.scriptLoad(source);
        }
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            sha = redis.scriptLoad(source);
            return redis.evalsha(sha, keys, args);
        }
    }
}
