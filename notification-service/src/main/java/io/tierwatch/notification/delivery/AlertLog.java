package io.tierwatch.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.notification.alerts.AlertJson;
import redis.clients.jedis.JedisPooled;

/** Reads alerts with their delivery states, newest first, for one rep or for everyone. */
@Component
public class AlertLog {

    private final JedisPooled jedis;

    AlertLog(JedisPooled jedis) {
        this.jedis = jedis;
    }

    /** {@code repId} null means every rep's alerts. */
    public List<AlertLogEntry> recent(String repId, int limit) {
        String index = repId == null ? DeliveryKeys.ALL_ALERTS : DeliveryKeys.repIndex(repId);
        List<AlertLogEntry> entries = new ArrayList<>();
        for (String alertId : jedis.zrevrange(index, 0, Math.max(0, limit - 1))) {
            entry(alertId).ifPresent(entries::add);
        }
        return entries;
    }

    public Optional<AlertLogEntry> entry(String alertId) {
        Map<String, String> fields = jedis.hgetAll(DeliveryKeys.alert(alertId));
        if (!fields.containsKey("alert")) {
            return Optional.empty();
        }
        List<AlertLogEntry.ChannelDelivery> deliveries = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("d:")) {
                DeliveryState state = DeliveryStore.readState(value);
                deliveries.add(new AlertLogEntry.ChannelDelivery(Channel.valueOf(field.substring(2)), state.attempts(),
                        state.outcome(), state.lastError(), state.updatedAt()));
            }
        });
        deliveries.sort(java.util.Comparator.comparing(AlertLogEntry.ChannelDelivery::channel));
        return Optional.of(AlertLogEntry.of(AlertJson.read(fields.get("alert")), fields.get("status"),
                fields.get("mode"), deliveries));
    }
}
