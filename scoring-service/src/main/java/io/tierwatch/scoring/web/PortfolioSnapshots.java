package io.tierwatch.scoring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierwatch.contracts.Tier;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.security.Books;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The portfolio's figures, computed in the background from every scored customer and kept per
 * owner, so that a manager's request sums the figures of their team's reps instead of reading a
 * million customers. The scan walks the tier sets a thousand customers at a time with one
 * pipelined read each, so its memory is the figures, never the customers. A request sees the
 * latest snapshot and its time ({@code asOf}).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortfolioSnapshots implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PortfolioSnapshots.class);
    private static final int PAGE = 1_000;

    /** One scan's figures, by owner ("" for customers nobody owns yet). */
    record Snapshot(Instant asOf, long computeMillis, Map<String, OwnerFigures> byOwner) {

        List<OwnerFigures> of(Books books) {
            if (books.all()) {
                return List.copyOf(byOwner.values());
            }
            return books.reps().stream().map(byOwner::get).filter(java.util.Objects::nonNull).toList();
        }
    }

    private final JedisPooled jedis;
    private final Clock clock;
    private final Duration refresh;
    private final int maxPoints;
    private final Timer timer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portfolio-snapshot");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot latest;

    PortfolioSnapshots(JedisPooled jedis, Clock clock, ScoringProperties properties, MeterRegistry meters) {
        this.jedis = jedis;
        this.clock = clock;
        this.refresh = properties.scoring().portfolio().refresh();
        this.maxPoints = properties.scoring().portfolio().maxPoints();
        this.timer = Timer.builder("tierwatch.scoring.portfolio.snapshot").description("One scan of every customer"
                + " for the portfolio").register(meters);
        meters.gauge("tierwatch.scoring.portfolio.age", this, s -> s.latest == null ? Double.NaN
                : Duration.between(s.latest.asOf(), clock.instant()).toMillis() / 1000.0);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.execute(this::refresh);
    }

    /** The latest snapshot, or null before the first has been taken. */
    Snapshot latest() {
        return latest;
    }

    private void refresh() {
        long next = refresh.toMillis();
        try {
            Snapshot snapshot = take();
            latest = snapshot;
            next = Math.max(next, 10 * snapshot.computeMillis());
        } catch (RuntimeException e) {
            LOG.warn("the portfolio could not be computed ({}); the last one is still served, next try in {}",
                    e.toString(), refresh);
        }
        scheduler.schedule(this::refresh, next, TimeUnit.MILLISECONDS);
    }

    Snapshot take() {
        Instant asOf = clock.instant();
        long started = System.nanoTime();
        Map<String, OwnerFigures> byOwner = new HashMap<>();
        for (Tier tier : Tier.values()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.sscan(LedgerKeys.tier(tier), cursor, new ScanParams().count(PAGE));
                fold(page.getResult(), byOwner);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        timer.record(Duration.ofMillis(millis));
        return new Snapshot(asOf, millis, Map.copyOf(byOwner));
    }

    private void fold(List<String> ids, Map<String, OwnerFigures> byOwner) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Response<Map<String, String>>> states = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            ids.forEach(id -> states.put(id, pipeline.hgetAll(LedgerKeys.state(id))));
            pipeline.sync();
        }
        states.forEach((id, state) -> {
            StoredCustomer c = StoredCustomer.of(id, state.get());
            if (!c.exists() || c.tier() == null) {
                return; // gone meanwhile, or not scored yet
            }
            Map<String, Long> byMonth = new HashMap<>();
            state.get().forEach((field, value) -> {
                if (field.startsWith(LedgerKeys.MONTH_FIELD_PREFIX)) {
                    long revenue = LedgerKeys.month(value)[0];
                    if (revenue != 0) { // a month of tickets only is no active month for ARPU
                        byMonth.put(field.substring(LedgerKeys.MONTH_FIELD_PREFIX.length()), revenue);
                    }
                }
            });
            String owner = c.text("owner") == null ? "" : c.text("owner");
            byOwner.computeIfAbsent(owner, o -> new OwnerFigures(maxPoints))
                    .add(id, c.tier(), c.window(), c.lifetime(), byMonth);
        });
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
