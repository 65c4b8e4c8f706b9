package io.tierwatch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.ServiceTicketClosed;

class SyntheticStreamTest {

    private static SyntheticStream stream(long seed) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        return new SyntheticStream("c-", 10_000, 0.9, 0.5, seed, n -> t0.plusSeconds(n));
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        SyntheticStream a = stream(7);
        SyntheticStream b = stream(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] left = CloudEventsKafka.toRecord("t", a.next()).value();
            byte[] right = CloudEventsKafka.toRecord("t", b.next()).value();
            assertThat(left).isEqualTo(right);
        }
    }

    @Test
    void aFewCustomersPlaceMuchOfTheLoadAndHalfTheEventsComeFromNewOnes() {
        SyntheticStream stream = stream(1);
        Map<String, Integer> perCustomer = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            perCustomer.merge(stream.next().subject(), 1, Integer::sum);
        }
        assertThat(stream.customersSeen()).isBetween(5_000, 7_000);
        assertThat(perCustomer.get("c-0")).isGreaterThan(100);
        assertThat(perCustomer.values().stream().filter(n -> n == 1).count()).isGreaterThan(3_000);
    }

    @Test
    void overServedCustomersGetCostlyUnbilledTickets() {
        SyntheticStream stream = stream(3);
        long costly = 0;
        for (int i = 0; i < 20_000; i++) {
            EventEnvelope<?> event = stream.next();
            if (event.data() instanceof ServiceTicketClosed t && t.amountBilled().minorUnits() == 0) {
                assertThat(t.netCostToServe().minorUnits()).isPositive();
                costly++;
            }
        }
        assertThat(costly).isPositive();
    }
}
