package io.tierwatch.scoring.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;

/**
 * What the portfolio needs of one rep's customers (or of the unowned ones), folded while the
 * snapshot scans them: tier counts, every profit (sorted, for the whale curve), revenue and
 * active customers by month, the customers with the largest revenue as map points, and a grid of
 * the rest. Kept compact: at 1,000,000 customers the profits are 16 MB, the rest is bounded.
 * Figures of several reps add up exactly, so a manager's team is the sum of its reps.
 */
final class OwnerFigures {

    /** Bins per decade of money on the map's signed log axes. */
    static final int BINS_PER_DECADE = 4;

    private final int maxPoints;
    final long[] tiers = new long[Tier.values().length];
    private long[] lifetimeProfits = new long[16];
    private long[] windowProfits = new long[16];
    private int customers;
    final Map<String, long[]> months = new TreeMap<>();
    private final PriorityQueue<PortfolioCalculator.MapPoint> lifetimeTop;
    private final PriorityQueue<PortfolioCalculator.MapPoint> windowTop;
    final Map<Integer, long[]> lifetimeBins = new HashMap<>();
    final Map<Integer, long[]> windowBins = new HashMap<>();

    OwnerFigures(int maxPoints) {
        this.maxPoints = maxPoints;
        Comparator<PortfolioCalculator.MapPoint> smallestFirst = Comparator.comparing(PortfolioCalculator.MapPoint::revenue)
                .thenComparing(PortfolioCalculator.MapPoint::customerId, Comparator.reverseOrder());
        this.lifetimeTop = new PriorityQueue<>(smallestFirst);
        this.windowTop = new PriorityQueue<>(smallestFirst);
    }

    void add(String customerId, Tier tier, Figures window, Figures lifetime, Map<String, Long> monthRevenue) {
        tiers[tier.ordinal()]++;
        if (customers == lifetimeProfits.length) {
            lifetimeProfits = Arrays.copyOf(lifetimeProfits, customers * 2);
            windowProfits = Arrays.copyOf(windowProfits, customers * 2);
        }
        lifetimeProfits[customers] = lifetime.profit().minorUnits();
        windowProfits[customers] = window.profit().minorUnits();
        customers++;
        monthRevenue.forEach((month, revenue) -> {
            long[] sum = months.computeIfAbsent(month, m -> new long[2]);
            sum[0] = Math.addExact(sum[0], revenue);
            sum[1]++;
        });
        keep(lifetimeTop, new PortfolioCalculator.MapPoint(customerId, tier, lifetime.revenue(), lifetime.profit()));
        keep(windowTop, new PortfolioCalculator.MapPoint(customerId, tier, window.revenue(), window.profit()));
        bin(lifetimeBins, tier, lifetime);
        bin(windowBins, tier, window);
    }

    int customers() {
        return customers;
    }

    /** The profits of the period, unsorted: a copy the caller may sort. */
    long[] profits(boolean window) {
        return Arrays.copyOf(window ? windowProfits : lifetimeProfits, customers);
    }

    /** The customers with the largest revenue of the period, largest first. */
    List<PortfolioCalculator.MapPoint> top(boolean window) {
        List<PortfolioCalculator.MapPoint> points = new ArrayList<>(window ? windowTop : lifetimeTop);
        points.sort(PortfolioCalculator.LARGEST_REVENUE_FIRST);
        return points;
    }

    Map<Integer, long[]> bins(boolean window) {
        return window ? windowBins : lifetimeBins;
    }

    private void keep(PriorityQueue<PortfolioCalculator.MapPoint> top, PortfolioCalculator.MapPoint point) {
        top.add(point);
        if (top.size() > maxPoints) {
            top.poll();
        }
    }

    private static void bin(Map<Integer, long[]> bins, Tier tier, Figures figures) {
        int key = (tier.ordinal() << 16) | ((axis(figures.revenue()) & 0xFF) << 8) | (axis(figures.profit()) & 0xFF);
        bins.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    /**
     * The lower edges of the bins in minor units: bin k starts at 10^(k / BINS_PER_DECADE) - 1.00.
     * A grid's constants, computed once; amounts are placed by comparing longs, never as doubles.
     */
    private static final long[] EDGES = edges();

    private static long[] edges() {
        java.util.List<Long> edges = new java.util.ArrayList<>();
        for (int k = 0; ; k++) {
            java.math.BigDecimal major = java.math.BigDecimal.TEN.pow(k / BINS_PER_DECADE)
                    .multiply(java.math.BigDecimal.valueOf(Math.pow(10, (k % BINS_PER_DECADE) / (double) BINS_PER_DECADE)))
                    .subtract(java.math.BigDecimal.ONE);
            java.math.BigDecimal minor = major.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP);
            if (minor.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return edges.stream().mapToLong(Long::longValue).toArray();
            }
            edges.add(minor.longValueExact());
        }
    }

    /** The bin of an amount on a signed log axis: 0 for |x| below the first edge, then BINS_PER_DECADE per decade. */
    static int axis(Money amount) {
        long minor = amount.minorUnits();
        long magnitude = minor == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(minor);
        int at = java.util.Arrays.binarySearch(EDGES, magnitude);
        int bin = at >= 0 ? at : -at - 2;
        return Long.signum(minor) * Math.max(bin, 0);
    }

    /** The lower edge of a bin (toward zero), for the page's axes. */
    static Money edge(int bin) {
        long edge = EDGES[Math.min(Math.abs(bin), EDGES.length - 1)];
        return Money.ofMinor(bin < 0 ? -edge : edge);
    }
}
