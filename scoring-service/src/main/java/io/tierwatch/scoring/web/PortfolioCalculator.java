package io.tierwatch.scoring.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;

/** The managers' view of all customers, computed in plain Java from one read of every customer. */
final class PortfolioCalculator {

    static final int WHALE_POINTS = 20;

    record Row(String customerId, Tier tier, Figures window, Figures lifetime, Map<String, Long> monthRevenue) {
    }

    record WhalePoint(int customers, BigDecimal customerShare, Money cumulativeProfit, BigDecimal profitShare) {
    }

    record MonthArpu(String month, Money revenue, int activeCustomers, Money arpu) {
    }

    record MapPoint(String customerId, Tier tier, Money revenue, Money profit) {
    }

    record Portfolio(String period, int customers, Map<Tier, Long> tiers, Money totalProfit,
            BigDecimal topFifthProfitShare, List<WhalePoint> whaleCurve, List<MonthArpu> arpuByMonth,
            List<MapPoint> profitabilityMap) {
    }

    private PortfolioCalculator() {
    }

    /** {@code window} picks the trailing window's figures, anything else the lifetime's. */
    static Portfolio of(List<Row> rows, boolean window, int mapPoints) {
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            tiers.put(t, rows.stream().filter(r -> r.tier() == t).count());
        }
        List<Figures> ranked = rows.stream().map(r -> window ? r.window() : r.lifetime())
                .sorted(Comparator.comparing(Figures::profit).reversed()).toList();
        long total = ranked.stream().mapToLong(f -> f.profit().minorUnits()).reduce(0, Math::addExact);
        List<WhalePoint> curve = new ArrayList<>();
        long cumulative = 0;
        int next = 1;
        for (int i = 0; i < ranked.size(); i++) {
            cumulative = Math.addExact(cumulative, ranked.get(i).profit().minorUnits());
            if (i + 1 == (int) Math.ceil((double) ranked.size() * next / WHALE_POINTS)) {
                curve.add(new WhalePoint(i + 1, percent(i + 1, ranked.size()), Money.ofMinor(cumulative),
                        total > 0 ? percent(cumulative, total) : null));
                while (next <= WHALE_POINTS && i + 1 >= (int) Math.ceil((double) ranked.size() * next / WHALE_POINTS)) {
                    next++;
                }
            }
        }
        int fifth = (int) Math.ceil(ranked.size() / 5.0);
        long topFifth = ranked.stream().limit(fifth).mapToLong(f -> f.profit().minorUnits()).sum();
        List<MapPoint> map = rows.stream()
                .map(r -> new MapPoint(r.customerId(), r.tier(), (window ? r.window() : r.lifetime()).revenue(),
                        (window ? r.window() : r.lifetime()).profit()))
                .sorted(Comparator.comparing(MapPoint::revenue).reversed().thenComparing(MapPoint::customerId))
                .limit(mapPoints).toList();
        return new Portfolio(window ? "window" : "lifetime", rows.size(), tiers, Money.ofMinor(total),
                total > 0 ? percent(topFifth, total) : null, curve, arpu(rows), map);
    }

    private static List<MonthArpu> arpu(List<Row> rows) {
        Map<String, long[]> months = new TreeMap<>();
        for (Row row : rows) {
            row.monthRevenue().forEach((month, revenue) -> {
                long[] sum = months.computeIfAbsent(month, m -> new long[2]);
                sum[0] = Math.addExact(sum[0], revenue);
                sum[1]++;
            });
        }
        List<MonthArpu> list = new ArrayList<>();
        months.forEach((month, sum) -> list.add(new MonthArpu(month, Money.ofMinor(sum[0]), (int) sum[1],
                Money.ofMinor(BigDecimal.valueOf(sum[0]).divide(BigDecimal.valueOf(sum[1]), 0, RoundingMode.HALF_UP)
                        .longValueExact()))));
        return list;
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
