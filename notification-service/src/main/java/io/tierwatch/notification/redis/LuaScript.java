package io.tierwatch.notification.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import redis.clients.jedis.JedisPooled;
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
}
