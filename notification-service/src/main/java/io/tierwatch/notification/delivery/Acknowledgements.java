package io.tierwatch.notification.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.security.Books;
import io.tierwatch.support.LuaScript;
import redis.clients.jedis.JedisPooled;

/**
 * A rep marks an alert as seen and handled. The first acknowledgement stands (who and when, in the
 * alert's hash, so it lives and expires with the alert); it changes no delivery.
 */
@Component
public class Acknowledgements {

    private final AlertLog log;
    private final Clock clock;
    private final LuaScript acknowledge;

    Acknowledgements(JedisPooled jedis, AlertLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.acknowledge = LuaScript.load(jedis, Acknowledgements.class, "acknowledge.lua");
    }

    /** The alert as acknowledged, or empty when there is no such alert in these books (the same answer). */
    public Optional<AlertLogEntry> acknowledge(String alertId, String who, Books books) {
        Optional<AlertLogEntry> entry = log.entry(alertId).filter(e -> books.includes(e.alert().repId()));
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Object result = acknowledge.run(List.of(DeliveryKeys.alert(alertId)),
                List.of(who + " " + clock.millis()));
        return Long.valueOf(-1).equals(result) ? Optional.empty() : log.entry(alertId);
    }
}
