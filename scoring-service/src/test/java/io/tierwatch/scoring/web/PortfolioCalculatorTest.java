package io.tierwatch.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;

/** The portfolio from per-rep figures: a team is the exact sum of its reps. */
class PortfolioCalculatorTest {

    private static final Instant AS_OF = Instant.parse("2026-12-02T17:00:00Z");

    private static Figures profit(long revenue, long profit) {
        return Figures.of(revenue, revenue - profit, 0);
    }

    /** Ten customers: profits 100, 90, ... 10 (in minor units), revenue ten times that. */
    private static List<OwnerFigures> twoReps(int maxPoints) {
        OwnerFigures a = new OwnerFigures(maxPoints);
        OwnerFigures b = new OwnerFigures(maxPoints);
        for (int i = 1; i <= 10; i++) {
            (i % 2 == 0 ? a : b).add("c" + i, i > 8 ? Tier.A : Tier.B, profit(i * 100L, i * 10L),
                    profit(i * 100L, i * 10L), Map.of("2026-11", i * 100L));
        }
        return List.of(a, b);
    }

    @Test
    void sumsTheRepsAndRanksEveryProfitForTheWhaleCurve() {
        PortfolioCalculator.Portfolio p = PortfolioCalculator.of(twoReps(100), false, 100, AS_OF, 12);

        assertThat(p.customers()).isEqualTo(10);
        assertThat(p.tiers()).containsEntry(Tier.A, 2L).containsEntry(Tier.B, 8L);
        assertThat(p.totalProfit()).isEqualTo(Money.ofMinor(550));
        // the top 2 of 10 earn 100 + 90 of 550
        assertThat(p.topFifthProfitShare()).isEqualByComparingTo("34.5");
        assertThat(p.whaleCurve()).hasSize(10);
        assertThat(p.whaleCurve().get(9).profitShare()).isEqualByComparingTo("100.0");
        assertThat(p.arpuByMonth()).singleElement().satisfies(m -> {
            assertThat(m.activeCustomers()).isEqualTo(10);
            assertThat(m.revenue()).isEqualTo(Money.ofMinor(5500));
        });
        assertThat(p.profitabilityMap()).extracting(PortfolioCalculator.MapPoint::customerId).startsWith("c10", "c9");
        assertThat(p.mapComplete()).isTrue();
        assertThat(p.mapBins()).isEmpty();
        assertThat(p.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void keepsTheLargestAsPointsAndCountsEveryCustomerInBinsWhenTheyDoNotAllFit() {
        PortfolioCalculator.Portfolio p = PortfolioCalculator.of(twoReps(3), false, 4, AS_OF, 12);

        assertThat(p.profitabilityMap()).extracting(PortfolioCalculator.MapPoint::customerId)
                .containsExactly("c10", "c9", "c8", "c7");
        assertThat(p.mapComplete()).isFalse();
        assertThat(p.mapBins().stream().mapToLong(PortfolioCalculator.MapBin::customers).sum()).isEqualTo(10);
        assertThat(p.mapBins()).allSatisfy(bin -> {
            assertThat(bin.revenueTo().minorUnits()).isGreaterThan(bin.revenueFrom().minorUnits());
            assertThat(bin.profitTo().minorUnits()).isGreaterThan(bin.profitFrom().minorUnits());
        });
    }

    @Test
    void aTeamOfOneRepIsThatRepsFigures() {
        List<OwnerFigures> reps = twoReps(100);

        PortfolioCalculator.Portfolio one = PortfolioCalculator.of(List.of(reps.get(0)), false, 100, AS_OF, 12);

        assertThat(one.customers()).isEqualTo(5);
        assertThat(one.totalProfit()).isEqualTo(Money.ofMinor(10 + 20 + 30 + 40 + 50) .times(2));
    }

    @Test
    void placesAmountsOnSignedLogBins() {
        assertThat(OwnerFigures.axis(Money.ofMinor(50))).isZero();
        assertThat(OwnerFigures.axis(Money.ofMinor(100_000))).isEqualTo(12);
        assertThat(OwnerFigures.axis(Money.ofMinor(-100_000))).isEqualTo(-12);
        assertThat(OwnerFigures.edge(4)).isEqualTo(Money.parse("9.00"));
        assertThat(OwnerFigures.edge(-12)).isEqualTo(Money.parse("-999.00"));
        assertThat(OwnerFigures.axis(Money.ofMinor(Long.MIN_VALUE))).isNegative();
    }
}
