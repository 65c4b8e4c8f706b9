package io.tierwatch.scoring.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;

/**
 * The managers' view of the customers of some books, from a {@link PortfolioSnapshot}: the
 * figures of each rep's customers are summed, the profits of all of them ranked for the whale
 * curve, and the map made of the customers with the largest revenue, with the rest as bins.
 */
final class PortfolioCalculator {

    static final int WHALE_POINTS = 20;

    static final Comparator<MapPoint> LARGEST_REVENUE_FIRST = Comparator.comparing(MapPoint::revenue).reversed()
            .thenComparing(MapPoint::customerId);

    record WhalePoint(int customers, BigDecimal customerShare, Money cumulativeProfit, BigDecimal profitShare) {
    }

    record MonthArpu(String month, Money revenue, int activeCustomers, Money arpu) {
    }

    record MapPoint(String customerId, Tier tier, Money revenue, Money profit) {
    }

    /** Customers of one tier whose revenue and profit fall in a cell of the map's signed log grid. */
    record MapBin(Tier tier, Money revenueFrom, Money revenueTo, Money profitFrom, Money profitTo, long customers) {
    }

    /**
     * @param asOf when the snapshot behind these figures was taken
     * @param mapComplete whether {@code profitabilityMap} holds every customer; when not,
     *        {@code mapBins} counts all of them
     */
    record Portfolio(String period, int customers, Map<Tier, Long> tiers, Money totalProfit,
            BigDecimal topFifthProfitShare, List<WhalePoint> whaleCurve, List<MonthArpu> arpuByMonth,
            List<MapPoint> profitabilityMap, boolean mapComplete, List<MapBin> mapBins, Instant asOf,
            long computeMillis) {
    }

    private PortfolioCalculator() {
    }

    /** {@code window} picks the trailing window's figures, anything else the lifetime's. */
    static Portfolio of(List<OwnerFigures> owners, boolean window, int mapPoints, Instant asOf, long computeMillis) {
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            tiers.put(t, owners.stream().mapToLong(o -> o.tiers[t.ordinal()]).sum());
        }
        int customers = owners.stream().mapToInt(OwnerFigures::customers).sum();
        long[] ranked = new long[customers];
        int at = 0;
        for (OwnerFigures owner : owners) {
            long[] profits = owner.profits(window);
            System.arraycopy(profits, 0, ranked, at, profits.length);
            at += profits.length;
        }
        Arrays.sort(ranked); // ascending: the largest profit is last
        long total = 0;
        for (long profit : ranked) {
            total = Math.addExact(total, profit);
        }
        List<WhalePoint> curve = new ArrayList<>();
        long cumulative = 0;
        long topFifth = 0;
        int fifth = (int) Math.ceil(customers / 5.0);
        int next = 1;
        for (int i = 0; i < customers; i++) {
            cumulative = Math.addExact(cumulative, ranked[customers - 1 - i]);
            if (i + 1 == fifth) {
                topFifth = cumulative;
            }
            if (i + 1 == (int) Math.ceil((double) customers * next / WHALE_POINTS)) {
                curve.add(new WhalePoint(i + 1, percent(i + 1, customers), Money.ofMinor(cumulative),
                        total > 0 ? percent(cumulative, total) : null));
                while (next <= WHALE_POINTS && i + 1 >= (int) Math.ceil((double) customers * next / WHALE_POINTS)) {
                    next++;
                }
            }
        }
        List<MapPoint> map = owners.stream().flatMap(o -> o.top(window).stream()).sorted(LARGEST_REVENUE_FIRST)
                .limit(mapPoints).toList();
        boolean complete = map.size() == customers;
        return new Portfolio(window ? "window" : "lifetime", customers, tiers, Money.ofMinor(total),
                total > 0 ? percent(topFifth, total) : null, curve, arpu(owners), map, complete,
                complete ? List.of() : bins(owners, window), asOf, computeMillis);
    }

    private static List<MapBin> bins(List<OwnerFigures> owners, boolean window) {
        Map<Integer, Long> counts = new TreeMap<>();
        owners.forEach(o -> o.bins(window).forEach((key, count) -> counts.merge(key, count[0], Long::sum)));
        List<MapBin> bins = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> {
            Tier tier = Tier.values()[key >>> 16];
            int revenue = (byte) ((key >>> 8) & 0xFF);
            int profit = (byte) (key & 0xFF);
            bins.add(new MapBin(tier, low(revenue), high(revenue), low(profit), high(profit), count));
        });
        return bins;
    }

    /** A bin's lower bound: bin 0 spans both sides of zero, a negative bin lies below its edge. */
    private static Money low(int bin) {
        return bin > 0 ? OwnerFigures.edge(bin) : OwnerFigures.edge(bin - 1);
    }

    private static Money high(int bin) {
        return bin < 0 ? OwnerFigures.edge(bin) : OwnerFigures.edge(bin + 1);
    }

    private static List<MonthArpu> arpu(List<OwnerFigures> owners) {
        Map<String, long[]> months = new TreeMap<>();
        for (OwnerFigures owner : owners) {
            owner.months.forEach((month, sum) -> {
                long[] all = months.computeIfAbsent(month, m -> new long[2]);
                all[0] = Math.addExact(all[0], sum[0]);
                all[1] += sum[1];
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
