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

    /** The bin of an amount on a signed log axis: 0 for |x| < 1.00, then BINS_PER_DECADE per decade. */
    static int axis(Money amount) {
        double major = amount.minorUnits() / 100.0;
        int bin = (int) Math.floor(Math.log10(1 + Math.abs(major)) * BINS_PER_DECADE);
        return (int) Math.signum(major) * Math.min(bin, 127);
    }

    /** The lower edge of a bin, in money (major units), for the page's axes. */
    static double edge(int bin) {
        return Math.signum(bin) * (Math.pow(10, Math.abs(bin) / (double) BINS_PER_DECADE) - 1);
    }
}
