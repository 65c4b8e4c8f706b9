package io.tierwatch.scoring.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which records' tier changes are known to be on Kafka, per topic-partition: every record below
 * the position held. What lets a published tier change stay in its state hash until the
 * customer's next commit removes it, rather than costing an {@code HDEL} after every
 * acknowledgement ({@link PendingChanges}).
 *
 * <p>The rule: a batch ({@link RedisLedger#commit}) begins only once the batches before it on the
 * same consumer have published their tier changes (scoring-service publishes before it returns
 * from a poll, and a failed poll is retried from its first unfinished record), and a consumer
 * starts a partition at its committed offset, which is committed only after the publication. So
 * when a batch starts at offset F of a partition, every record below F had its changes published;
 * and once a batch's changes are published ({@link RedisLedger#published(List)}), every record up
 * to its last, since the changes of the records it could not apply were not committed either.
 * A commit stamps the state with one of its own records ({@code pb}); a later reader whose
 * position for that partition is above the stamp knows the state's pending changes are on Kafka.
 * Positions only grow (a lower one is still true, so the higher is kept); a partition this
 * instance never consumed has none, and its changes count as not known to be published: they are
 * published again, with the same ids, which readers skip.
 */
public final class PublishedPositions {

    private final Map<String, Long> below = new ConcurrentHashMap<>();

    /** A batch of these commands starts: the records before each partition's first one are published. */
    void started(List<LedgerCommand> commands) {
        Map<String, Long> first = new HashMap<>();
        for (LedgerCommand c : commands) {
            if (!c.watermark().isEmpty()) {
                first.merge(c.watermark(), c.offset(), Math::min);
            }
        }
        first.forEach((watermark, offset) -> below.merge(watermark, offset, Math::max));
    }

    /** The tier changes a batch of these commands committed are on Kafka: so are those of every record up to each partition's last. */
    void finished(List<LedgerCommand> commands) {
        Map<String, Long> last = new HashMap<>();
        for (LedgerCommand c : commands) {
            if (!c.watermark().isEmpty()) {
                last.merge(c.watermark(), c.offset() + 1, Math::max);
            }
        }
        last.forEach((watermark, offset) -> below.merge(watermark, offset, Math::max));
    }

    /** The stamp a commit writes for a record: its partition's watermark field and its offset. */
    static String stamp(LedgerCommand c) {
        return c.watermark() + " " + c.offset();
    }

    /** Whether the changes a commit stamped {@code stamp} (null: none, a sweep's) are known to be on Kafka. */
    boolean published(String stamp) {
        if (stamp == null) {
            return false;
        }
        int space = stamp.lastIndexOf(' ');
        if (space < 0) {
            return false;
        }
        Long position = below.get(stamp.substring(0, space));
        return position != null && Long.parseLong(stamp, space + 1, stamp.length(), 10) < position;
    }
}
