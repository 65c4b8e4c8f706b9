package io.tierwatch.scoring.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import redis.clients.jedis.JedisPooled;

/**
 * The business clock: the latest event day scoring has applied ({@code tw:score:clock}, an epoch
 * day), never later than the wall clock's today. A dormant customer's window is aged to it by the
 * sweep, not to the wall clock, so a history imported after the fact (the Online Retail year,
 * Dec 2010 – Dec 2011) ages by its own days: a customer who stopped buying in February 2011 decays
 * as 2011 goes on in the stream, and a window is not emptied because the import ran in 2026.
 * It moves only forward, and is rebuilt with the state (the replay applies the same events).
 */
public final class StreamClock {

    static final String KEY = LedgerKeys.PREFIX + "clock";
    private static final String ADVANCE = "local d = tonumber(redis.call('GET', KEYS[1]) or '-99999999') "
            + "if tonumber(ARGV[1]) > d then redis.call('SET', KEYS[1], ARGV[1]) return tonumber(ARGV[1]) end return d";

    private final JedisPooled jedis;
    private final Clock clock;
    private final String key;
    /** The day last written (or read): a poll writes only when its events reach a later day. */
    private final AtomicLong known = new AtomicLong(Long.MIN_VALUE);

    public StreamClock(JedisPooled jedis, Clock clock) {
        this(jedis, clock, KEY);
    }

    StreamClock(JedisPooled jedis, Clock clock, String key) {
        this.jedis = jedis;
        this.clock = clock;
        this.key = key;
    }

    /** Moves the clock to the latest event day of {@code commands} applied, if later; one round trip per new day. */
    public void advance(List<LedgerCommand> commands, List<ApplyOutcome> outcomes) {
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < commands.size() && i < outcomes.size(); i++) {
            LedgerCommand command = commands.get(i);
            if (command.delta() != null && outcomes.get(i).applied()) {
                latest = Math.max(latest, command.day());
            }
        }
        long today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
        latest = Math.min(latest, today);
        if (latest > known.get()) {
            Object stored = jedis.eval(ADVANCE, List.of(key), List.of(Long.toString(latest)));
            known.accumulateAndGet(((Number) stored).longValue(), Math::max);
        }
    }

    /** The latest event day applied (at most the wall clock's today), or empty before any event. */
    public java.util.Optional<LocalDate> today() {
        String stored = jedis.get(key);
        if (stored == null) {
            return java.util.Optional.empty();
        }
        long today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
        return java.util.Optional.of(LocalDate.ofEpochDay(Math.min(Long.parseLong(stored), today)));
    }

    /** Forgets what it knew of the stored clock (after a rebuild deleted it). */
    public void forget() {
        known.set(Long.MIN_VALUE);
    }
}
