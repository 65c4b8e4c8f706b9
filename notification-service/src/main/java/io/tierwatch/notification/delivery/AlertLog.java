package io.tierwatch.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.notification.alerts.AlertJson;
import io.tierwatch.security.Books;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.Tuple;

/** Reads alerts with their delivery states, newest first, for one rep or for everyone. */
@Component
public class AlertLog {

    private final JedisPooled jedis;

    AlertLog(JedisPooled jedis) {
        this.jedis = jedis;
    }

    /** The newest alerts of these books, newest first: one rep's index, a team's merged, or everyone's. */
    public List<AlertLogEntry> recent(Books books, int limit) {
        List<String> ids;
        if (books.all()) {
            ids = jedis.zrevrange(DeliveryKeys.ALL_ALERTS, 0, Math.max(0, limit - 1));
        } else {
            // each rep's newest `limit`, merged by time: the newest `limit` of the team are among them
            ids = books.reps().stream()
                    .flatMap(rep -> jedis.zrevrangeWithScores(DeliveryKeys.repIndex(rep), 0, Math.max(0, limit - 1)).stream())
                    .sorted(java.util.Comparator.comparingDouble(Tuple::getScore).reversed().thenComparing(Tuple::getElement))
                    .limit(limit).map(Tuple::getElement).toList();
        }
        List<AlertLogEntry> entries = new ArrayList<>();
        for (String alertId : ids) {
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
                fields.get("mode"), deliveries, fields.get("ack")));
    }
}
