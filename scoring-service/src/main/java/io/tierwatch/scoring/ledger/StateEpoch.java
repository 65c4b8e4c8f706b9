package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.tierwatch.contracts.Tier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Which state the Redis that scoring writes to holds. Redis is a cache of Kafka's history, and
 * the consumers' committed offsets say how much of that history is in it; the two only agree if
 * they belong to the same <b>epoch</b>. An epoch begins with an empty Redis (the first start, or a
 * rebuild) and is written twice: as a marker in each hash-tag group of Redis
 * ({@link LedgerKeys#epoch}, {@code <epoch> <Kafka cluster id>}) and in the metadata of every offset
 * commit ({@code tw-epoch=<epoch>}).
 *
 * <p>Every commit checks its group's marker in the same atomic step as its write; where the marker
 * is missing or another epoch's (a {@code FLUSHALL}, a lost or replaced Redis), nothing is written
 * and the state is <b>lost</b> until it is rebuilt ({@code ./tierwatch rebuild}). The same holds in
 * the mirror case: a marker of another Kafka cluster, or committed offsets gone or past their
 * partition's end while Redis holds state, means the history the state was built from is not the
 * one Kafka now has.
 */
public final class StateEpoch {

    public static final String METADATA_PREFIX = "tw-epoch=";

    private volatile String current;
    private volatile String lost;

    /** The epoch commits must find, or a {@link StateLostException} while it is lost or not yet known. */
    public String expected() {
        String reason = lost;
        if (reason != null) {
            throw new StateLostException(reason);
        }
        String epoch = current;
        if (epoch == null) {
            throw new StateLostException("the state epoch is not known yet (Kafka or Redis did not answer at start)");
        }
        return epoch;
    }

    public String current() {
        return current;
    }

    /** Why the state is lost, or null. */
    public String lost() {
        return lost;
    }

    public void establish(String epoch) {
        this.current = epoch;
        this.lost = null;
    }

    public void markLost(String reason) {
        this.lost = reason;
    }

    StateLostException lostAt(String markerKey) {
        String reason = "Redis does not hold state epoch " + current + ": marker " + markerKey
                + " is missing or another epoch's (Redis was flushed, lost or replaced)";
        markLost(reason);
        return new StateLostException(reason);
    }

    /** The offset-commit metadata of the epoch. */
    public static String metadata(String epoch) {
        return METADATA_PREFIX + epoch;
    }

    /** The epoch named by an offset commit's metadata, or null. */
    public static String ofMetadata(String metadata) {
        return metadata != null && metadata.startsWith(METADATA_PREFIX) ? metadata.substring(METADATA_PREFIX.length())
                : null;
    }

    public static String newEpoch() {
        return UUID.randomUUID().toString();
    }

    /** The markers of every group, in group order; null where a group has none. */
    public static List<String> markers(JedisPooled jedis) {
        List<Response<String>> replies = new ArrayList<>(LedgerKeys.GROUPS);
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (int g = 0; g < LedgerKeys.GROUPS; g++) {
                replies.add(pipeline.get(LedgerKeys.epoch(g)));
            }
            pipeline.sync();
        }
        return replies.stream().map(Response::get).toList();
    }

    /**
     * Writes the epoch's marker into every group that has none; returns the markers as they are
     * then. Group 0 decides a race between two instances creating an epoch at once: whichever
     * marker it holds is written to the others.
     */
    public static List<String> create(JedisPooled jedis, String epoch, String clusterId) {
        jedis.setnx(LedgerKeys.epoch(0), epoch + " " + clusterId);
        String winner = jedis.get(LedgerKeys.epoch(0));
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (int g = 1; g < LedgerKeys.GROUPS; g++) {
                pipeline.setnx(LedgerKeys.epoch(g), winner);
            }
            pipeline.sync();
        }
        return markers(jedis);
    }

    /** Whether Redis holds any scored customer (the tier sets hold every one). */
    public static boolean hasState(JedisPooled jedis) {
        for (Tier tier : Tier.values()) {
            if (jedis.scard(LedgerKeys.tier(tier)) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Deletes every key of scoring's state (UNLINK, in batches); returns how many. */
    public static long deleteAll(JedisPooled jedis) {
        long deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(LedgerKeys.PREFIX + "*").count(1_000);
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                deleted += jedis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return deleted;
    }

    /** What Kafka says of the history: its cluster, and the consumer group's committed offsets. */
    public record Kafka(String clusterId, boolean hasCommits, Set<String> committedEpochs, List<String> pastTheEnd) {
    }

    /** The verdict at start: the epoch to work in (create: a new one, write its markers), or why the state is lost. */
    public record Verdict(String epoch, boolean create, String lostReason) {

        static Verdict ok(String epoch) {
            return new Verdict(epoch, false, null);
        }

        static Verdict fresh() {
            return new Verdict(newEpoch(), true, null);
        }

        static Verdict lost(String reason) {
            return new Verdict(null, false, reason);
        }
    }

    /** Decides from what Redis and Kafka hold; see the class comment and docs/operations/redis-loss.md. */
    public static Verdict decide(List<String> markers, boolean redisHasState, Kafka kafka) {
        long missing = markers.stream().filter(m -> m == null).count();
        Set<String> values = new HashSet<>(markers);
        values.remove(null);
        if (missing == markers.size()) {
            if (!kafka.hasCommits()) {
                return Verdict.fresh();
            }
            if (!kafka.committedEpochs().isEmpty()) {
                return Verdict.lost("Redis holds no state epoch, but the consumers' committed offsets belong to epoch "
                        + String.join(", ", kafka.committedEpochs()) + ": Redis was flushed, lost or replaced");
            }
            // offsets committed by a version before epochs: Redis is theirs if it holds state
            return redisHasState ? Verdict.fresh() : Verdict.lost("Redis holds no state, but the consumers have "
                    + "committed offsets (of a version before state epochs): Redis was flushed, lost or replaced");
        }
        if (missing > 0 && values.size() == 1 && !kafka.hasCommits() && !redisHasState
                && values.iterator().next().endsWith(" " + kafka.clusterId())) {
            // another instance is writing the markers of the epoch it began a moment ago (nothing was
            // applied yet, so nothing can have been lost): the same epoch, its markers completed
            return new Verdict(values.iterator().next().split(" ", 2)[0], true, null);
        }
        if (missing > 0) {
            return Verdict.lost(missing + " of " + markers.size() + " hash-tag groups lost their state epoch marker: "
                    + "part of Redis was flushed or lost");
        }
        if (values.size() > 1) {
            return Verdict.lost("the hash-tag groups hold markers of different epochs: " + values);
        }
        String[] marker = values.iterator().next().split(" ", 2);
        String epoch = marker[0];
        String cluster = marker.length > 1 ? marker[1] : "";
        if (!cluster.equals(kafka.clusterId())) {
            return Verdict.lost("Redis holds the state of Kafka cluster " + cluster + ", but Kafka is cluster "
                    + kafka.clusterId() + ": the history it was built from is not this one");
        }
        Set<String> others = new HashSet<>(kafka.committedEpochs());
        others.remove(epoch);
        if (!others.isEmpty()) {
            return Verdict.lost("Redis holds state epoch " + epoch + ", but committed offsets belong to epoch " + others
                    + ": Redis was replaced or restored from another time");
        }
        if (!kafka.pastTheEnd().isEmpty()) {
            return Verdict.lost("committed offsets are past their partition's end (" + String.join(", ", kafka.pastTheEnd())
                    + "): the topics were recreated, their history is not the one the state was built from");
        }
        if (!kafka.hasCommits() && redisHasState) {
            return Verdict.lost("Redis holds state epoch " + epoch + ", but the consumer group has no committed offsets "
                    + "(a new Kafka cluster, or the group was deleted): the watermarks would skip the new records");
        }
        return Verdict.ok(epoch);
    }
}
