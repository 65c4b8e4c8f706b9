package io.tierwatch.scoring.sweep;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.Scorer;
import io.tierwatch.scoring.engine.ScoringUnavailableException;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.LedgerKeys;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Ages the windows of customers without new events, in the stream, by the stream's own time: each
 * input partition's customers are swept when the partition's records reach a new day, so the same
 * history ages the same way live, after a crash and in a rebuild, whenever the service runs.
 * <p>
 * The rule: before a record of event day {@code d}, appended by the broker on day {@code t}, is
 * applied, the partition's customers are aged to {@code min(d, t) - late-allowance} if that is
 * later than the day they were last swept to. Only the customers due by then are aged: those
 * whose window, previous window or a trait's day threshold changes ({@code tw:score:idx:due:<p>},
 * kept by the ledger). The listener puts a {@code sweep} command for each candidate into the
 * records' own batch, just before the record that reached the day: the customers the due index
 * names, and those the batch touched before that record (whose due day may have moved since the
 * index was read). A sweep of a customer with nothing due by its day does nothing. A change a
 * sweep makes says {@code sweep:<day>}, occurred at the start of that day. Once the batch is
 * applied, the partition's sweep day is stored ({@code tw:score:swept:<p>}), and every later event
 * of the partition lands in a window that ends there at the earliest. An event day later than the broker's day (a clock ahead) cannot move the
 * sweep past the log's own time.
 * <p>
 * A partition with no records does not age: with customers spread over the partitions by their id,
 * every partition has records on every business day. A sweep is idempotent, so one done twice
 * (a crash between it and the stored day) changes nothing the second time.
 */
@Component
public class PartitionSweeps {

    private static final long DAY_MILLIS = 86_400_000L;
    /** Stores the day only forward: a previous owner of the partition that has not heard of its revocation cannot move it back. */
    private static final String ADVANCE = "local d = tonumber(redis.call('GET', KEYS[1]) or '-99999999') "
            + "if tonumber(ARGV[1]) > d then redis.call('SET', KEYS[1], ARGV[1]) return tonumber(ARGV[1]) end return d";

    private final JedisPooled jedis;
    private final Scorer scorer;
    private final boolean enabled;
    private final int batchSize;
    private final long allowanceDays;
    private final Map<Integer, Long> swept = new ConcurrentHashMap<>();

    PartitionSweeps(JedisPooled jedis, Scorer scorer, ScoringProperties properties) {
        this.jedis = jedis;
        this.scorer = scorer;
        ScoringProperties.Sweep sweep = properties.scoring().sweep();
        this.enabled = sweep.enabled();
        this.batchSize = sweep.batchSize();
        if (sweep.lateAllowance().toTotalMonths() != 0 || sweep.lateAllowance().isNegative()) {
            throw new IllegalArgumentException("tierwatch.scoring.sweep.late-allowance is a number of days (P1D), not "
                    + sweep.lateAllowance());
        }
        this.allowanceDays = sweep.lateAllowance().getDays();
    }

    /** The day the partition's customers were last swept to; {@link LedgerCommand#NO_STREAM_DAY} before any, or with sweeps off. */
    public long sweptDay(int partition) {
        if (!enabled) {
            return LedgerCommand.NO_STREAM_DAY;
        }
        try {
            return swept.computeIfAbsent(partition, p -> {
                String stored = jedis.get(LedgerKeys.swept(p));
                return stored == null ? LedgerCommand.NO_STREAM_DAY : Long.parseLong(stored);
            });
        } catch (JedisException e) {
            throw new ScoringUnavailableException("Redis is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * The day to sweep a partition swept to {@code sweptDay} to before a record of {@code eventDay}
     * appended at {@code appendedAtMillis} is applied, or {@link LedgerCommand#NO_STREAM_DAY} when
     * no sweep is due (or sweeps are off).
     */
    public long dayToSweep(long sweptDay, long eventDay, long appendedAtMillis) {
        if (!enabled) {
            return LedgerCommand.NO_STREAM_DAY;
        }
        long day = Math.min(eventDay, Math.floorDiv(appendedAtMillis, DAY_MILLIS)) - allowanceDays;
        return day > sweptDay ? day : LedgerCommand.NO_STREAM_DAY;
    }

    /** The customers the partition's due index names as due by {@code day}, in id order. */
    public java.util.SortedSet<String> dueBy(int partition, long day) {
        try {
            return new java.util.TreeSet<>(jedis.zrangeByScore(LedgerKeys.due(partition), Double.NEGATIVE_INFINITY, day));
        } catch (JedisException e) {
            throw new ScoringUnavailableException("Redis is unavailable: " + e.getMessage(), e);
        }
    }

    /** Stores that the partition's customers are swept to {@code day} (only forward). */
    public void advanced(int partition, long day) {
        try {
            Object stored = jedis.eval(ADVANCE, List.of(LedgerKeys.swept(partition)), List.of(Long.toString(day)));
            swept.put(partition, ((Number) stored).longValue());
        } catch (JedisException e) {
            throw new ScoringUnavailableException("Redis is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Ages every customer of the partition due by {@code day} to it, a page at a time, then stores
     * the day; returns how many were swept. The listener sweeps inside its batches instead; this is
     * the same sweep on its own.
     */
    public int sweep(int partition, long day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        int count = 0;
        List<String> previous = List.of();
        try {
            while (true) {
                List<String> due = jedis.zrangeByScore(LedgerKeys.due(partition), Double.NEGATIVE_INFINITY, day, 0,
                        batchSize);
                if (due.isEmpty()) {
                    break;
                }
                if (due.equals(previous)) {
                    // the sweep rewrites each customer's due day; the same page again means it did not
                    throw new IllegalStateException("the due index of partition " + partition + " did not move past "
                            + date + " for " + due.size() + " customers");
                }
                scorer.score(due.stream().map(id -> LedgerCommand.sweep(id, partition, date)).toList());
                count += due.size();
                previous = due;
            }
        } catch (JedisException e) {
            throw new ScoringUnavailableException("Redis is unavailable: " + e.getMessage(), e);
        }
        advanced(partition, day);
        return count;
    }

    /** Forgets what it knew of these partitions' sweep days (another instance may have moved them). */
    public void forget(Collection<Integer> partitions) {
        partitions.forEach(swept::remove);
    }

    /** Forgets every sweep day known (a rebuild deleted them). */
    public void forgetAll() {
        swept.clear();
    }
}
