package io.tierwatch.scoring.sweep;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.Tier;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.Scorer;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.StreamClock;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Ages every scored customer's window to a day of the business clock and re-decides its tier, a page of the
 * tier sets at a time. There is no index by expiry day to keep on every event: a pass reads
 * each customer once (one HGETALL in a pipeline), and writes only those whose window or traits
 * moved, so most customers cost a read per pass and a write per day. A customer that changes
 * tier during a pass may be swept twice or wait for the next pass; a sweep is idempotent.
 */
@Component
public class WindowSweeper {

    private final JedisPooled jedis;
    private final Scorer scorer;
    private final Clock clock;
    private final int batchSize;
    private final StreamClock streamClock;
    private final java.time.Period lateAllowance;

    WindowSweeper(JedisPooled jedis, Scorer scorer, Clock clock, ScoringProperties properties, StreamClock streamClock) {
        this.jedis = jedis;
        this.scorer = scorer;
        this.clock = clock;
        this.batchSize = properties.scoring().sweep().batchSize();
        this.streamClock = streamClock;
        this.lateAllowance = properties.scoring().sweep().lateAllowance();
    }

    /**
     * Sweeps to the business clock ({@link StreamClock}: the latest event day applied, at most
     * today) less the late allowance; nothing before the first event.
     */
    public int sweepNow() {
        return streamClock.today().map(day -> sweep(day.minus(lateAllowance))).orElse(0);
    }

    /**
     * Sweeps every scored customer to {@code today}; returns how many were read. Each tier set is
     * walked with SSCAN, which returns every member that stays in the set throughout the walk: a
     * customer the sweep (or a record) moves to another tier meanwhile may be read twice or wait
     * for the next pass, and a sweep is idempotent.
     */
    public int sweep(LocalDate today) {
        int swept = 0;
        ScanParams page = new ScanParams().count(batchSize);
        for (Tier tier : Tier.values()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> scan = jedis.sscan(LedgerKeys.tier(tier), cursor, page);
                List<String> ids = scan.getResult();
                if (!ids.isEmpty()) {
                    scorer.score(ids.stream().map(id -> LedgerCommand.sweep(id, today, clock.instant())).toList());
                    swept += ids.size();
                }
                cursor = scan.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        return swept;
    }
}
