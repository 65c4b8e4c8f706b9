package io.tierwatch.notification.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.notification.alerts.Alert;
import io.tierwatch.notification.alerts.AlertJson;
import io.tierwatch.support.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;

/**
 * The due queue and the delivery states in Redis. A due item is {@code <target>|<CHANNEL>} where
 * the target is {@code alert:<id>} or {@code digest:<id>}; a digest's state is written to each
 * of its alerts, so the delivery log reads the same either way.
 */
@Component
public class DeliveryStore {

    /** A claimed delivery with what it needs. */
    record Due(String item, String repId, Channel channel, Notice notice, List<String> alertIds, int attempts) {
    }

    private final JedisPooled jedis;
    private final LuaScript claim;

    DeliveryStore(JedisPooled jedis) {
        this.jedis = jedis;
        this.claim = LuaScript.load(jedis, DeliveryStore.class, "claim-due.lua");
    }

    @SuppressWarnings("unchecked")
    List<String> claim(long now, long leaseMillis, int limit) {
        return (List<String>) claim.run(List.of(DeliveryKeys.DUE),
                List.of(Long.toString(now), Long.toString(leaseMillis), Integer.toString(limit)));
    }

    /** Empty when the target expired or is gone: the item is dropped. */
    Optional<Due> load(String item) {
        int bar = item.lastIndexOf('|');
        String target = item.substring(0, bar);
        Channel channel = Channel.valueOf(item.substring(bar + 1));
        String key = targetKey(target);
        Map<String, String> fields = jedis.hgetAll(key);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        List<String> alertIds = target.startsWith("digest:")
                ? Arrays.asList(fields.getOrDefault("alerts", "").split(","))
                : List.of(target.substring("alert:".length()));
        List<Alert> alerts = new ArrayList<>();
        for (String id : alertIds) {
            String json = target.startsWith("digest:") ? jedis.hget(DeliveryKeys.alert(id), "alert") : fields.get("alert");
            if (json != null) {
                alerts.add(AlertJson.read(json));
            }
        }
        String noticeId = target.substring(target.indexOf(':') + 1);
        int attempts = Optional.ofNullable(fields.get("d:" + channel)).map(DeliveryStore::readState)
                .map(DeliveryState::attempts).orElse(0);
        return Optional.of(new Due(item, fields.get("rep"), channel,
                new Notice(noticeId, alerts, target.startsWith("digest:")), alertIds, attempts));
    }

    /** The new state on the target and its alerts, and the due entry removed or moved: one round trip. */
    void update(Due due, DeliveryState state, Long nextDueMillis) {
        String json = CloudEventsKafka.json().writeValueAsString(state);
        String field = "d:" + due.channel();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            if (due.notice().digest()) {
                pipeline.hset(targetKey(due.item().substring(0, due.item().lastIndexOf('|'))), field, json);
            }
            due.alertIds().forEach(id -> pipeline.hset(DeliveryKeys.alert(id), field, json));
            if (nextDueMillis == null) {
                pipeline.zrem(DeliveryKeys.DUE, due.item());
            } else {
                pipeline.zadd(DeliveryKeys.DUE, nextDueMillis, due.item());
            }
            pipeline.sync();
        }
    }

    void drop(String item) {
        jedis.zrem(DeliveryKeys.DUE, item);
    }

    /** The delivery states of one alert, by channel. */
    public Map<Channel, DeliveryState> states(String alertId) {
        Map<Channel, DeliveryState> states = new java.util.EnumMap<>(Channel.class);
        jedis.hgetAll(DeliveryKeys.alert(alertId)).forEach((field, value) -> {
            if (field.startsWith("d:")) {
                states.put(Channel.valueOf(field.substring(2)), readState(value));
            }
        });
        return states;
    }

    static DeliveryState readState(String json) {
        return CloudEventsKafka.json().readValue(json, DeliveryState.class);
    }

    private static String targetKey(String target) {
        return target.startsWith("digest:")
                ? DeliveryKeys.digestBatch(target.substring("digest:".length()))
                : DeliveryKeys.alert(target.substring("alert:".length()));
    }
}
