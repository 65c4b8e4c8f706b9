package io.tierwatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.reps.Rep;
import io.tierwatch.notification.reps.RepDirectory;

/**
 * Works the due queue: claims what is due (with a lease, so several instances share the work
 * and a crashed one's claims come back), sends, and on failure schedules the next attempt with
 * exponential backoff until the attempts run out and the delivery goes to the dead-letter topic.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;

    private final DeliveryStore store;
    private final RepDirectory reps;
    private final Map<Channel, ChannelSender> channels;
    private final DeadLetters deadLetters;
    private final DeliveryMeters meters;
    private final NotificationProperties.Delivery settings;
    private final Backoff backoff;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;
    private ExecutorService senders;
    private final AtomicBoolean wakePending = new AtomicBoolean();

    DeliveryWorker(DeliveryStore store, RepDirectory reps, List<ChannelSender> senders, DeadLetters deadLetters,
            DeliveryMeters meters, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.reps = reps;
        this.channels = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.settings = properties.delivery();
        this.backoff = new Backoff(settings.initialBackoff(), settings.multiplier(), settings.maxBackoff());
        this.clock = clock;
    }

    /**
     * Claims a batch and sends it in parallel, so one slow webhook does not hold up the other reps'
     * deliveries of the round; the next round starts when the slowest send is done (≤ webhook timeout).
     */
    void workDue() {
        // a full batch means more are due: go on at once instead of waiting a poll interval per
        // 50 alerts (the benchmark's webhook latency grew by seconds under a burst of alerts)
        int claimed;
        do {
            claimed = round();
        } while (claimed == BATCH && !Thread.currentThread().isInterrupted());
    }

    /**
     * A delivery just became due here (an alert was accepted): run a round now rather than at the
     * next poll interval. Rounds stay one at a time (one thread); wake-ups while one is pending
     * fold into it. Other instances still find the item at their next poll.
     */
    public void wake() {
        ScheduledExecutorService e = executor;
        if (e != null && wakePending.compareAndSet(false, true)) {
            try {
                e.execute(() -> {
                    wakePending.set(false);
                    workDue();
                });
            } catch (RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    /** One round; returns how many deliveries it claimed (0 when it failed). */
    private int round() {
        List<Callable<Void>> sends = new ArrayList<>();
        try {
            for (String item : store.claim(clock.millis(), settings.lease().toMillis(), BATCH)) {
                sends.add(() -> {
                    store.load(item).ifPresentOrElse(this::deliver, () -> {
                        store.drop(item);
                        log.warn("Dropped delivery {}: its alert has expired", item);
                    });
                    return null;
                });
            }
            for (Future<Void> sent : senders.invokeAll(sends)) {
                sent.get();
            }
            return sends.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            // Redis away or a bug in one item: the leases run out and the items come back.
            log.warn("Delivery round failed: {}", e.toString());
        }
        return 0;
    }

    private void deliver(DeliveryStore.Due due) {
        int attempt = due.attempts() + 1;
        Optional<Rep> rep = reps.find(due.repId());
        ChannelSender sender = channels.get(due.channel());
        try {
            if (rep.isEmpty() || sender == null) {
                throw new IllegalStateException("rep " + due.repId() + " or channel " + due.channel() + " is gone");
            }
            sender.send(rep.get(), due.notice());
        } catch (Exception e) {
            failed(due, attempt, e);
            return;
        }
        store.update(due, new DeliveryState(attempt, DeliveryState.DELIVERED, null, clock.instant()), null);
        meters.delivered(due, clock.instant());
    }

    private void failed(DeliveryStore.Due due, int attempt, Exception e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (attempt >= settings.maxAttempts()) {
            deadLetters.publish(due, attempt, error);
            store.update(due, new DeliveryState(attempt, DeliveryState.DEAD_LETTERED, error, clock.instant()), null);
            meters.deadLettered(due);
            log.warn("Delivery {} dead-lettered after {} attempts: {}", due.item(), attempt, error);
            return;
        }
        Duration wait = backoff.after(attempt);
        store.update(due, new DeliveryState(attempt, DeliveryState.RETRYING, error, clock.instant()),
                clock.millis() + wait.toMillis());
        meters.retried(due);
        log.info("Delivery {} attempt {} failed ({}); next in {}", due.item(), attempt, error, wait);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alert-delivery"));
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.concurrency(), r -> new Thread(r, "alert-send-" + n.incrementAndGet()));
        long every = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::workDue, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            senders.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
                senders.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            senders = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
