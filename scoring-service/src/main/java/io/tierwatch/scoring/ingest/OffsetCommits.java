package io.tierwatch.scoring.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import io.tierwatch.scoring.metrics.ScoringMetrics;

/**
 * The answer to the input consumers' asynchronous offset commits, and the repair of the committed
 * offsets once a consumer is idle.
 * <p>
 * Offsets are committed without waiting (Kafka's {@code commitAsync}), and a later commit covers a
 * lost one. The last commit before a quiet spell has no later one: if it fails (in two benchmark
 * runs the broker answered none of scoring's commits for 30 s, {@code request.timeout.ms}), the
 * group's committed offsets stay behind the records already applied until new records arrive, so
 * its lag shows non-zero on an idle topic for as long as it stays quiet. A commit that timed out
 * may also still reach the broker after a later one, moving the committed offset back. Redelivery
 * would be harmless (the watermarks skip the records); the false lag is not: it pages operators and
 * keeps anyone who waits for zero lag waiting.
 * <p>
 * So when the container reports itself idle ({@code idle-event-interval}), on the consumer's own
 * thread, the committed offset of each partition it owns is compared with the consumer's position,
 * and any partition behind is committed, synchronously, at its position. An idle consumer's
 * position is the offset after the last record handled: the error handler seeks back to a failed
 * record before the container can be idle. The same connection carries the commits in order, so
 * this one lands after any that timed out before it.
 */
@Component
public class OffsetCommits implements OffsetCommitCallback {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScoringMetrics metrics;
    private final EpochGuard epoch;

    OffsetCommits(ScoringMetrics metrics, EpochGuard epoch) {
        this.metrics = metrics;
        this.epoch = epoch;
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
     * Published on the idle consumer's own thread, every idle-event-interval while no record
     * arrives; acted on only for the containers that commit through this callback (another
     * container's position need not mean its records were handled).
     */
    @EventListener
    public void onIdle(ListenerContainerIdleEvent event) {
        if (event.getContainer(MessageListenerContainer.class).getContainerProperties().getCommitCallback() == this) {
            catchUp(event.getConsumer());
        }
    }

    /** Commits, synchronously, the position of every partition this consumer owns whose committed offset is behind it. */
    void catchUp(Consumer<?, ?> consumer) {
        try {
            Set<TopicPartition> owned = consumer.assignment();
            if (owned.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(owned, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
            for (TopicPartition partition : owned) {
                long position = consumer.position(partition, TIMEOUT);
                OffsetAndMetadata at = committed.get(partition);
                if (at == null ? position > 0 : at.offset() < position) {
                    behind.put(partition, new OffsetAndMetadata(position, epoch.metadata()));
                }
            }
            if (!behind.isEmpty()) {
                consumer.commitSync(behind, TIMEOUT);
                LOG.info("idle consumer's committed offsets were behind its position, committed: {}", behind);
            }
        } catch (RuntimeException e) {
            metrics.offsetCommitFailed();
            LOG.warn("idle consumer's offsets not checked or committed, tried again at the next idle event ({})", e.toString());
        }
    }
}
