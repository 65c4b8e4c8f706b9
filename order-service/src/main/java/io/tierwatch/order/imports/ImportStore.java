package io.tierwatch.order.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.redis.Keys;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Import statuses in Redis, so that they outlive the instance that ran them and stay listable:
 * each status as JSON under its own key with an expiry, and an index of ids by submission time.
 * The index is trimmed of what expired on every write.
 */
@Component
class ImportStore {

    private static final Logger LOG = LoggerFactory.getLogger(ImportStore.class);

    /** A status written before a counter existed reads it as 0. */
    private static final tools.jackson.databind.ObjectMapper READER = CloudEventsKafka.json().rebuild()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final JedisPooled redis;
    private final Duration keptFor;

    ImportStore(JedisPooled redis, OrderServiceProperties properties) {
        this.redis = redis;
        this.keptFor = properties.imports().keptFor();
    }

    /** Writes the status; a Redis that does not answer costs the write, never the import itself. */
    void save(ImportStatus status) {
        try {
            long submitted = status.submittedAt().toEpochMilli();
            redis.set(Keys.importStatus(status.importId()), CloudEventsKafka.json().writeValueAsString(status),
                    SetParams.setParams().px(keptFor.toMillis()));
            redis.zadd(Keys.imports(), submitted, status.importId());
            redis.zremrangeByScore(Keys.imports(), Double.NEGATIVE_INFINITY,
                    Instant.now().minus(keptFor).toEpochMilli());
        } catch (RuntimeException e) {
            LOG.warn("import {}: its status could not be saved in Redis ({}); it is still shown by this instance",
                    status.importId(), e.toString());
        }
    }

    Optional<ImportStatus> find(String importId) {
        return Optional.ofNullable(redis.get(Keys.importStatus(importId))).map(ImportStore::read);
    }

    /**
     * Up to {@code limit} statuses submitted before {@code before} (epoch ms, exclusive), newest first.
     */
    List<ImportStatus> before(long before, int limit) {
        List<String> ids = redis.zrevrangeByScore(Keys.imports(), "(" + before, "-inf", 0, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> json = redis.mget(ids.stream().map(Keys::importStatus).toArray(String[]::new));
        List<ImportStatus> statuses = new ArrayList<>();
        for (String one : json) {
            if (one != null) {
                statuses.add(read(one));
            }
        }
        return statuses;
    }

    private static ImportStatus read(String json) {
        return READER.readValue(json, ImportStatus.class);
    }
}
