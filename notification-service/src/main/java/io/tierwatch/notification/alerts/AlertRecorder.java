package io.tierwatch.notification.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.delivery.Channel;
import io.tierwatch.notification.delivery.DeliveryKeys;
import io.tierwatch.support.LuaScript;
import io.tierwatch.notification.redis.StoreLostException;
import io.tierwatch.notification.reps.Rep;
import redis.clients.jedis.JedisPooled;

/**
 * Records alerts, each in one atomic Redis step (accept-alert.lua; a poll's alerts in one
 * pipeline): dedupe on the event id, snooze and cooldown checks,
 * the alert itself, the rep's and the manager's indexes, and the deliveries it needs. A
 * redelivered tier event finds its id already seen and changes nothing.
 */
@Component
class AlertRecorder {

    /** What became of a matched tier change; NO_RECIPIENT is decided before Redis, the rest by the script. */
    enum Outcome { ACCEPTED, DUPLICATE, SNOOZED, COOLDOWN, NO_RECIPIENT, LOST }

    private final LuaScript accept;
    private final NotificationProperties.Rules rules;
    private final Clock clock;

    AlertRecorder(JedisPooled jedis, NotificationProperties properties, Clock clock) {
        this.accept = LuaScript.load(jedis, AlertRecorder.class, "accept-alert.lua");
        this.rules = properties.rules();
        this.clock = clock;
    }

    /** An alert to record, with its recipient and the channels that reach them. */
    record Pending(Alert alert, Rep rep, List<Channel> channels) {
    }

    /** Records the alerts in order, in one pipeline; the outcomes come in the same order. */
    List<Outcome> recordAll(List<Pending> alerts) {
        long now = clock.millis();
        List<LuaScript.Call> calls = new ArrayList<>(alerts.size());
        for (Pending p : alerts) {
            calls.add(call(now, p.alert(), p.rep(), p.channels()));
        }
        List<Outcome> outcomes = new ArrayList<>(alerts.size());
        accept.runAll(calls).forEach(reply -> outcomes.add(Outcome.valueOf((String) reply)));
        if (outcomes.contains(Outcome.LOST)) {
            throw new StoreLostException(); // nothing was written: retried until the seen markers are recovered
        }
        return outcomes;
    }

    private LuaScript.Call call(long now, Alert alert, Rep rep, List<Channel> channels) {
        List<String> keys = List.of(
                "tw:notify:seen:" + alert.alertId(),
                SnoozeKeys.snooze(alert.customerId()),
                "tw:notify:cooldown:" + alert.customerId() + ":" + alert.rule(),
                DeliveryKeys.alert(alert.alertId()),
                DeliveryKeys.repIndex(rep.id()),
                DeliveryKeys.ALL_ALERTS,
                DeliveryKeys.DUE,
                DeliveryKeys.digest(rep.id()),
                StoreLostException.MARKER);
        List<String> args = new ArrayList<>(List.of(
                Long.toString(now),
                Long.toString(rules.dedupeTtl().toMillis()),
                Long.toString(cooldownMillis()),
                AlertJson.write(alert),
                alert.alertId(),
                rep.delivery().name(),
                Long.toString(alert.createdAt().toEpochMilli()),
                rep.id(),
                DeliveryKeys.LIVE_CHANNEL));
        channels.forEach(c -> args.add(c.name()));
        return new LuaScript.Call(keys, args);
    }

    private long cooldownMillis() {
        Duration cooldown = rules.cooldown();
        return cooldown == null ? 0 : cooldown.toMillis();
    }
}
