package io.tierwatch.notification.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.tierwatch.notification.delivery.DeliveryKeys;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Listens on Redis pub/sub for new alerts from any instance and hands them to this instance's
 * live streams. The subscription blocks a thread of its own and resubscribes after a Redis outage;
 * a second thread sends the heartbeats.
 */
@Component
class LiveSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscriber.class);

    private final JedisPooled jedis;
    private final LiveStreams streams;
    private volatile boolean running;
    private volatile JedisPubSub subscription;
    private ScheduledExecutorService executor;

    LiveSubscriber(JedisPooled jedis, LiveStreams streams) {
        this.jedis = jedis;
        this.streams = streams;
    }

    private void subscribeUntilStopped() {
        while (running) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String alertId) {
                    try {
                        streams.broadcast(alertId);
                    } catch (RuntimeException e) {
                        log.warn("Could not stream alert {}: {}", alertId, e.toString());
                    }
                }
            };
            subscription = pubSub;
            try {
                jedis.subscribe(pubSub, DeliveryKeys.LIVE_CHANNEL);
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Live subscription lost ({}); resubscribing", e.toString());
                    sleepBeforeRetry();
                }
            }
        }
    }

    private void sleepBeforeRetry() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        executor = Executors.newScheduledThreadPool(2, r -> new Thread(r, "live-alerts"));
        executor.execute(this::subscribeUntilStopped);
        executor.scheduleWithFixedDelay(streams::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for the open streams. */
    @Override
    public synchronized void stop() {
        running = false;
        streams.closeAll();
        JedisPubSub pubSub = subscription;
        if (pubSub != null && pubSub.isSubscribed()) {
            pubSub.unsubscribe();
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
