package io.tierwatch.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;

class PortfolioCalculatorTest {

    @Test
    void sharesProfitAmongTheTopFifthAndDrawsTheWhaleCurve() {
        List<PortfolioCalculator.Row> rows = new ArrayList<>();
        // ten customers: profits 900, 300, 100 x 6, -100, -200 (total 1,500.00)
        long[] profits = {900, 300, 100, 100, 100, 100, 100, 100, -100, -200};
        for (int i = 0; i < profits.length; i++) {
            rows.add(row("c" + i, profits[i] < 0 ? Tier.D : Tier.B, profits[i] * 100, Map.of()));
        }

        PortfolioCalculator.Portfolio p = PortfolioCalculator.of(rows, false, 3);

        assertThat(p.totalProfit()).isEqualTo(Money.parse("1500.00"));
        assertThat(p.topFifthProfitShare()).isEqualByComparingTo(new BigDecimal("80.0"));
        assertThat(p.whaleCurve()).hasSize(10);
        assertThat(p.whaleCurve().get(0).profitShare()).isEqualByComparingTo(new BigDecimal("60.0"));
        assertThat(p.whaleCurve().get(7).cumulativeProfit()).isEqualTo(Money.parse("1800.00"));
        assertThat(p.whaleCurve().get(9).profitShare()).isEqualByComparingTo(new BigDecimal("100.0"));
        assertThat(p.tiers()).containsEntry(Tier.D, 2L).containsEntry(Tier.B, 8L).containsEntry(Tier.A, 0L);
        assertThat(p.profitabilityMap()).hasSize(3);
    }

    @Test
    void computesArpuPerMonthOverTheCustomersActiveThatMonth() {
        List<PortfolioCalculator.Row> rows = List.of(
                row("a", Tier.B, 0, Map.of("1997-01", 1_000L, "1997-02", 500L)),
                row("b", Tier.B, 0, Map.of("1997-01", 2_001L)));

        List<PortfolioCalculator.MonthArpu> arpu = PortfolioCalculator.of(rows, false, 10).arpuByMonth();

        assertThat(arpu).containsExactly(
                new PortfolioCalculator.MonthArpu("1997-01", Money.parse("30.01"), 2, Money.parse("15.01")),
                new PortfolioCalculator.MonthArpu("1997-02", Money.parse("5.00"), 1, Money.parse("5.00")));
    }

    @Test
    void leavesSharesOutWhenThePortfolioLosesMoney() {
        PortfolioCalculator.Portfolio p = PortfolioCalculator.of(List.of(row("a", Tier.D, -500, Map.of())), false, 1);

        assertThat(p.topFifthProfitShare()).isNull();
        assertThat(p.whaleCurve().get(0).profitShare()).isNull();
    }

    private static PortfolioCalculator.Row row(String id, Tier tier, long profit, Map<String, Long> months) {
        Figures figures = Figures.of(Math.max(profit, 0) + 1_000, 1_000, Math.max(-profit, 0));
        return new PortfolioCalculator.Row(id, tier, figures, figures, months);
    }
}
