package io.tierwatch.testsupport;

import redis.clients.jedis.Jedis;

/** Where a test's Redis listens, wherever it runs. */
public interface RedisEndpoint {

    String host();

    int port();

    default String url() {
        return "redis://" + host() + ":" + port();
    }

    /** A fresh connection; the caller closes it. */
    default Jedis connect() {
        return new Jedis(host(), port());
    }

    default void flushAll() {
        try (Jedis jedis = connect()) {
            jedis.flushAll();
        }
    }
}
