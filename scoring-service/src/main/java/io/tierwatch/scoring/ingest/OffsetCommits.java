package io.tierwatch.scoring.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.metrics.ScoringMetrics;

/**
 * The input consumers' offset commits, made by {@link ScoringListener} on each consumer's own
 * thread: each partition at its merge's commit point (its first record not applied,
 * {@link CoPartitionMerge#commitPoints}), with the state epoch in the metadata.
 * <p>
 * Offsets are committed without waiting (Kafka's {@code commitAsync}), at most every
 * {@code merge.commit-interval}, and a later commit covers a lost one: a poll's effects are in
 * Redis and its tier changes acknowledged before its offsets are committed, and a record
 * redelivered because a commit was lost is skipped by its watermark, so waiting bought nothing but a
 * broker round trip per poll (docs/benchmarks.md). At 5k events/s the three consumers polled ~150
 * times a second, and a commit per poll kept the group coordinator so busy that in two benchmark
 * runs none was answered for 30 s.
 * <p>
 * The last commit before a quiet spell has no later one: if it fails, the group's committed
 * offsets stay behind the records already applied until new records arrive, so its lag shows
 * non-zero on an idle topic (paging operators, keeping anyone who waits for zero lag waiting). A
 * commit that timed out may also still reach the broker after a later one, moving the committed
 * offset back. So while a consumer is idle, every {@link #CHECK_EVERY}, the committed offset of
 * each partition it owns is read from the broker and, where it is behind the commit point,
 * committed again, synchronously. The same connection carries the commits in order, so this one
 * lands after any that timed out before it.
 */
@Component
public class OffsetCommits implements OffsetCommitCallback {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final ScoringMetrics metrics;
    private final EpochGuard epoch;
    private final java.time.Clock clock;
    private final long intervalMillis;
    private final ThreadLocal<Committed> committed = ThreadLocal.withInitial(Committed::new);

    /** What one consumer thread last committed, and when. */
    private static final class Committed {
        final Map<TopicPartition, Long> offsets = new HashMap<>();
        long atMillis;
        long checkedAtMillis;
    }

    OffsetCommits(ScoringMetrics metrics, EpochGuard epoch, java.time.Clock clock, ScoringProperties properties) {
        this.metrics = metrics;
        this.epoch = epoch;
        this.clock = clock;
        this.intervalMillis = properties.scoring().merge().commitInterval().toMillis();
    }

    /** Commits, asynchronously, the points that moved, unless the last commit is more recent than the interval and {@code now} is false. */
    void commit(Consumer<?, ?> consumer, Map<TopicPartition, Long> points, boolean now) {
        Committed last = committed.get();
        long t = clock.millis();
        if (!now && t - last.atMillis < intervalMillis) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> moved = moved(last, points);
        if (!moved.isEmpty()) {
            consumer.commitAsync(moved, this);
            moved.forEach((tp, o) -> last.offsets.put(tp, o.offset()));
            last.atMillis = t;
        }
    }

    /** Commits the points synchronously (partitions about to be revoked); a failure is logged, the next owner redelivers. */
    void commitNow(Consumer<?, ?> consumer, Map<TopicPartition, Long> points) {
        Committed last = committed.get();
        Map<TopicPartition, OffsetAndMetadata> moved = moved(last, points);
        try {
            if (!moved.isEmpty()) {
                consumer.commitSync(moved, TIMEOUT);
            }
        } catch (RuntimeException e) {
            metrics.offsetCommitFailed();
            LOG.warn("offsets of revoked partitions not committed; their next owner redelivers what was applied ({})",
                    e.toString());
        }
        points.keySet().forEach(last.offsets::remove);
    }

    private Map<TopicPartition, OffsetAndMetadata> moved(Committed last, Map<TopicPartition, Long> points) {
        Map<TopicPartition, OffsetAndMetadata> moved = new LinkedHashMap<>();
        String metadata = epoch.metadata();
        points.forEach((tp, offset) -> {
            Long before = last.offsets.get(tp);
            if (before == null || before < offset) {
                moved.put(tp, new OffsetAndMetadata(offset, metadata));
            }
        });
        return moved;
    }

    /** Called on the consumer's thread when an asynchronous commit is answered (or times out). */
    @Override
    public void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception) {
        if (exception != null) {
            metrics.offsetCommitFailed();
            LOG.warn("offset commit failed; a later commit, or the check when the consumer is idle, covers it: {} ({})",
                    offsets, exception.toString());
        }
    }

    /**
     * On an idle consumer, at most every {@link #CHECK_EVERY}: commits, synchronously, the commit
     * point of every partition whose offset committed at the broker is behind it.
     */
    void catchUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> points) {
        Committed last = committed.get();
        long t = clock.millis();
        if (points.isEmpty() || t - last.checkedAtMillis < CHECK_EVERY.toMillis()) {
            return;
        }
        last.checkedAtMillis = t;
        catchUpNow(consumer, points);
    }

    /** {@link #catchUp} whenever it was last done. */
    void catchUpNow(Consumer<?, ?> consumer, Map<TopicPartition, Long> points) {
        Committed last = committed.get();
        try {
            Map<TopicPartition, OffsetAndMetadata> atBroker = consumer.committed(points.keySet(), TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
            points.forEach((tp, offset) -> {
                OffsetAndMetadata at = atBroker.get(tp);
                if (at == null ? offset > 0 : at.offset() < offset) {
                    behind.put(tp, new OffsetAndMetadata(offset, epoch.metadata()));
                }
            });
            if (!behind.isEmpty()) {
                consumer.commitSync(behind, TIMEOUT);
                behind.forEach((tp, o) -> last.offsets.put(tp, o.offset()));
                LOG.info("idle consumer's committed offsets were behind what it applied, committed: {}", behind);
            }
        } catch (RuntimeException e) {
            metrics.offsetCommitFailed();
            LOG.warn("idle consumer's offsets not checked or committed, tried again at the next idle event ({})", e.toString());
        }
    }
}
