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

    /** The script's SHA, loading it into Redis the first time. */
    public String sha(JedisPooled redis) {
        if (sha == null) {
            sha = redis.scriptLoad(source);
        }
        return sha;
    }

    public Object call(JedisPooled redis, List<String> keys, List<String> args) {
        sha(redis);
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.evalsha(reload(redis), keys, args);
        }
    }

    /** Loads the script again, after Redis lost it. */
    public String reload(JedisPooled redis) {
        sha = redis.scriptLoad(source);
        return sha;
    }
}
