package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/** The business clock: the latest event day applied, forward only, never past the wall clock's today. */
@ExtendWith(RealInfrastructure.class)
class StreamClockIT {

    static final String KEY = LedgerKeys.PREFIX + "clock-test-" + System.nanoTime();
    static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private final JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));

    @AfterEach
    void cleanUp() {
        jedis.del(KEY);
        jedis.close();
    }

    static LedgerCommand order(String day) {
        OrderPlaced order = new OrderPlaced("o-" + day, "c", Instant.parse(day + "T12:00:00Z"), "EUR",
                List.of(new OrderLine("s", 1, Money.parse("10.00"), Money.parse("1.00"), null)), null);
        return LedgerCommand.event("c", "t", 0, 1, "e-" + day, Delta.of(order));
    }

    static ApplyOutcome applied(boolean applied) {
        return new ApplyOutcome("c", applied, false, null, 0, null, false, null, false);
    }

    @Test
    void followsTheLatestAppliedEventDayForwardOnlyAndNotPastToday() {
        StreamClock clock = new StreamClock(jedis, DEC_2026, KEY);
        assertThat(clock.today()).isEmpty();

        clock.advance(List.of(order("2011-02-01"), order("2011-12-09")), List.of(applied(true), applied(true)));
        assertThat(clock.today()).contains(LocalDate.parse("2011-12-09"));

        // an earlier day, or a later one that was not applied (a duplicate), does not move it
        clock.advance(List.of(order("2011-03-01"), order("2012-01-01")), List.of(applied(true), applied(false)));
        assertThat(clock.today()).contains(LocalDate.parse("2011-12-09"));

        // another instance (its own memory) sees the same clock and moves it too
        StreamClock other = new StreamClock(jedis, DEC_2026, KEY);
        other.advance(List.of(order("2012-01-05")), List.of(applied(true)));
        assertThat(clock.today()).contains(LocalDate.parse("2012-01-05"));

        // an event dated in the future moves it to today at most
        clock.advance(List.of(order("3000-01-01")), List.of(applied(true)));
        assertThat(clock.today()).contains(LocalDate.parse("2026-12-02"));
    }
}
