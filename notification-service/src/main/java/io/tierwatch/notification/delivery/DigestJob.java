package io.tierwatch.notification.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.support.LuaScript;
import io.tierwatch.notification.reps.Rep;
import io.tierwatch.notification.reps.RepDirectory;
import redis.clients.jedis.JedisPooled;

/**
 * On the digest schedule, turns each rep's waiting alerts into one digest delivery per channel;
 * the delivery worker then sends it with the same retries as any alert.
 */
@Component
public class DigestJob {

    private final LuaScript take;
    private final RepDirectory reps;
    private final List<ChannelSender> senders;
    private final long ttlMillis;
    private final Clock clock;

    DigestJob(JedisPooled jedis, RepDirectory reps, List<ChannelSender> senders, NotificationProperties properties,
            Clock clock) {
        this.take = LuaScript.load(jedis, DigestJob.class, "take-digest.lua");
        this.reps = reps;
        this.senders = senders;
        this.ttlMillis = properties.rules().dedupeTtl().toMillis();
        this.clock = clock;
    }

    @Scheduled(cron = "${tierwatch.digest.cron:0 0 8 * * *}", zone = "${tierwatch.digest.zone:UTC}")
    public void sendDigests() {
        reps.all().forEach(this::queueDigest);
    }

    /** Queues the rep's digest now; returns how many alerts it holds (0: nothing was waiting). */
    public int queueDigest(Rep rep) {
        long now = clock.millis();
        String digestId = rep.id() + ":" + now;
        List<String> channels = senders.stream().filter(s -> s.reaches(rep)).map(s -> s.channel().name()).toList();
        List<String> args = new ArrayList<>(List.of(Long.toString(now), digestId, rep.id(), Long.toString(ttlMillis)));
        args.addAll(channels);
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) take.run(List.of(DeliveryKeys.digest(rep.id()),
                DeliveryKeys.digestBatch(digestId), DeliveryKeys.DUE), args);
        return ids.size();
    }
}
