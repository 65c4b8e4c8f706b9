package io.tierwatch.scoring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.tierwatch.contracts.Contributor;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.TierDirection;
import io.tierwatch.contracts.Trait;

/** The JSON shapes of the customer endpoints. */
final class CustomerViews {

    private CustomerViews() {
    }

    record Period(Money revenue, Money costOfGoods, Money grossMargin, Money costToServe, Money profit, long orders,
            long tickets) {

        static Period of(Figures f, long orders, long tickets) {
            return new Period(f.revenue(), f.costOfGoods(), f.grossMargin(), f.costToServe(), f.profit(), orders,
                    tickets);
        }
    }

    record HistoryItem(long stateVersion, Tier previousTier, Tier newTier, TierDirection direction,
            Money windowProfit, String triggeringEventId, String reason, Instant occurredAt) {

        static HistoryItem of(CustomerTierChanged change) {
            return new HistoryItem(change.stateVersion(), change.previousTier(), change.newTier(), change.direction(),
                    change.window().profit(), change.triggeringEventId(), change.reason(), change.occurredAt());
        }
    }

    record Customer(String customerId, String name, String ownerRepId, LocalDate customerSince, boolean strategic,
            Tier tier, long stateVersion, String policyVersion, Set<Trait> traits, int windowDays,
            LocalDate windowEnd, Period window, Period lifetime, LocalDate firstActivity, LocalDate lastActivity,
            List<Contributor> contributors, List<HistoryItem> history, List<Month> months) {
    }

    /** A calendar month (UTC) of the customer's events; {@code profit} null for a month kept as revenue only. */
    record Month(String month, Money revenue, Money profit) {
    }

    /**
     * {@code monthlyProfit}: the profit of each of the {@value CustomerReader#TREND_MONTHS} months to
     * {@code trendTo} (the month of the customer's window end), oldest first, 0.00 for a quiet
     * month, null for one stored before months kept their profit.
     */
    record Summary(String customerId, String name, String ownerRepId, Tier tier, Set<Trait> traits,
            Money windowProfit, Money lifetimeRevenue, Money lifetimeProfit, String trendTo,
            List<Money> monthlyProfit) {

        static Summary of(StoredCustomer c, String trendTo, List<Money> monthlyProfit) {
            return new Summary(c.customerId(), c.text("name"), c.text("owner"), c.tier(), c.traits(),
                    c.window().profit(), c.lifetime().revenue(), c.lifetime().profit(), trendTo, monthlyProfit);
        }
    }

    /** {@code next}: the cursor of the following page, null after the last. */
    record Page(List<Summary> items, int size, long total, String next) {
    }
}
