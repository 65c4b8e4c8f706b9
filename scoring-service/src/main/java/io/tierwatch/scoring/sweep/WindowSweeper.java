package io.tierwatch.scoring.sweep;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.Scorer;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.LedgerKeys;
import redis.clients.jedis.JedisPooled;

/**
 * Re-decides the customers whose oldest window bucket has aged out by {@code today}, found in
 * the sorted set of customers by window expiry. Each sweep moves a customer's expiry past today
 * (or drops it when the window is empty), so the loop ends.
 */
@Component
public class WindowSweeper {

    private final JedisPooled jedis;
    private final Scorer scorer;
    private final Clock clock;
    private final int batchSize;

    WindowSweeper(JedisPooled jedis, Scorer scorer, Clock clock, ScoringProperties properties) {
        this.jedis = jedis;
        this.scorer = scorer;
        this.clock = clock;
        this.batchSize = properties.scoring().sweep().batchSize();
    }

    public int sweepNow() {
        return sweep(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Sweeps every customer whose window expired by {@code today}; returns how many. */
    public int sweep(LocalDate today) {
        int swept = 0;
        List<String> due = due(today);
        while (!due.isEmpty()) {
            scorer.score(due.stream().map(id -> LedgerCommand.sweep(id, today, clock.instant())).toList());
            swept += due.size();
            List<String> next = due(today);
            if (next.equals(due)) {
                throw new IllegalStateException("window expiry of " + due.get(0) + " did not move past " + today);
            }
            due = next;
        }
        return swept;
    }

    private List<String> due(LocalDate today) {
        return jedis.zrangeByScore(LedgerKeys.EXPIRY, Double.NEGATIVE_INFINITY, today.toEpochDay(), 0, batchSize);
    }
}
