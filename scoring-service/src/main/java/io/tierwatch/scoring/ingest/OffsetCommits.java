package io.tierwatch.scoring.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

import io.tierwatch.scoring.metrics.ScoringMetrics;

/**
 * The answer to the input consumers' asynchronous offset commits, and their retry once the
 * consumer is idle.
 * <p>
 * A poll's offsets are committed without waiting (Kafka's {@code commitAsync}), and the next
 * poll's commit covers a lost one. The last poll before a quiet spell has no next poll: if its
 * commit fails (the broker slow to answer for {@code request.timeout.ms}, seen once in a
 * benchmark), the group's committed offsets stay behind the records already applied until new
 * records arrive, so its lag shows non-zero on an idle topic, for as long as the topic stays
 * quiet. Redelivery would be harmless (the watermarks skip the records), the lag is not: it pages
 * operators and keeps anyone waiting for zero lag waiting. So a failed commit is remembered per
 * partition, forgotten once a later commit of that partition succeeds, and committed again,
 * synchronously, when the container reports itself idle ({@code idle-event-interval}).
 * <p>
 * An offset is never committed below one already committed: a commit that times out may fail
 * after a later one succeeded.
 */
@Component
public class OffsetCommits implements OffsetCommitCallback {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);
    private static final Duration RETRY_TIMEOUT = Duration.ofSeconds(10);

    /** The highest offset known committed, per partition. */
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
    /** Offsets whose commit failed and that no later commit covered yet. */
    private final Map<TopicPartition, OffsetAndMetadata> failed = new ConcurrentHashMap<>();
    private final ScoringMetrics metrics;

    OffsetCommits(ScoringMetrics metrics) {
        this.metrics = metrics;
    }

    /** Called on the consumer's thread when an asynchronous commit is answered (or times out). */
    @Override
    public void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception) {
        if (exception == null) {
            offsets.forEach(this::succeeded);
            return;
        }
        LOG.warn("offset commit failed, retried when the consumer is idle unless a later commit covers it: {} ({})",
                offsets, exception.toString());
        metrics.offsetCommitFailed();
        offsets.forEach((partition, offset) -> {
            if (offset.offset() > committed.getOrDefault(partition, -1L)) {
                failed.merge(partition, offset, (was, now) -> now.offset() > was.offset() ? now : was);
            }
        });
    }

    private void succeeded(TopicPartition partition, OffsetAndMetadata offset) {
        committed.merge(partition, offset.offset(), Math::max);
        failed.computeIfPresent(partition, (p, pending) -> pending.offset() <= offset.offset() ? null : pending);
    }

    /** Published on the idle consumer's own thread, every idle-event-interval while no record arrives. */
    @EventListener
    public void onIdle(ListenerContainerIdleEvent event) {
        retry(event.getConsumer());
    }

    /** Commits, synchronously, the failed offsets of the partitions this consumer owns. */
    void retry(Consumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata offset = failed.get(partition);
            if (offset != null && offset.offset() > committed.getOrDefault(partition, -1L)) {
                due.put(partition, offset);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(due, RETRY_TIMEOUT);
            due.forEach(this::succeeded);
            LOG.info("committed offsets whose earlier commit had failed: {}", due);
        } catch (RuntimeException e) {
            metrics.offsetCommitFailed();
            LOG.warn("retried offset commit failed, tried again at the next idle event: {} ({})", due, e.toString());
        }
    }

    /** Offsets waiting to be committed again (for tests and diagnostics). */
    Map<TopicPartition, OffsetAndMetadata> pending() {
        return Map.copyOf(failed);
    }
}
