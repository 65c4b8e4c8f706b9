package io.tierwatch.notification.reps;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;
import redis.clients.jedis.JedisPooled;

/**
 * The reps and managers: those in {@code tierwatch.reps[*]}, with the channel settings changed
 * through the reps API laid over them, and reps added through the API (no login, alerts only).
 * API changes live in Redis so every instance agrees; login and role always come from configuration.
 */
@Component
public class RepDirectory {

    static final String PREFIX = "tw:notify:rep:";
    static final String INDEX = "tw:notify:reps";

    private final Map<String, Rep> configured = new LinkedHashMap<>();
    private final JedisPooled jedis;

    RepDirectory(NotificationProperties properties, JedisPooled jedis) {
        this.jedis = jedis;
        for (Rep rep : properties.reps()) {
            if (configured.putIfAbsent(rep.id(), rep) != null) {
                throw new IllegalStateException("tierwatch.reps has two reps with id " + rep.id());
            }
        }
    }

    public Optional<Rep> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Map<String, String> changed = jedis.hgetAll(PREFIX + id);
        Rep base = configured.get(id);
        if (changed.isEmpty()) {
            return Optional.ofNullable(base);
        }
        Rep rep = base != null ? base : new Rep(id, id, null, null, null, Rep.DeliveryMode.IMMEDIATE);
        return Optional.of(new Rep(id, changed.getOrDefault("name", rep.name()), changed.getOrDefault("email", rep.email()),
                changed.containsKey("webhookUrl") ? URI.create(changed.get("webhookUrl")) : rep.webhookUrl(),
                changed.getOrDefault("webhookSecret", rep.webhookSecret()),
                changed.containsKey("delivery") ? Rep.DeliveryMode.valueOf(changed.get("delivery")) : rep.delivery()));
    }

    public List<Rep> all() {
        TreeSet<String> ids = new TreeSet<>(configured.keySet());
        ids.addAll(jedis.smembers(INDEX));
        List<Rep> reps = new ArrayList<>();
        ids.forEach(id -> find(id).ifPresent(reps::add));
        return reps;
    }

    /** Stores the given channel settings; null fields keep what the rep has. */
    public Rep change(String id, RepChange change) {
        Map<String, String> fields = new HashMap<>();
        putIfPresent(fields, "name", change.name());
        putIfPresent(fields, "email", change.email());
        putIfPresent(fields, "webhookUrl", change.webhookUrl() == null ? null : change.webhookUrl().toString());
        putIfPresent(fields, "webhookSecret", change.webhookSecret());
        putIfPresent(fields, "delivery", change.delivery() == null ? null : change.delivery().name());
        if (!fields.isEmpty()) {
            jedis.hset(PREFIX + id, fields);
        }
        jedis.sadd(INDEX, id);
        return find(id).orElseThrow();
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
