package io.tierwatch.scoring.domain;

import java.util.List;

import io.tierwatch.contracts.Contributor;
import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;

/** One sentence saying why a customer's tier changed, for the rep who reads the alert. */
public final class Explanation {

    private Explanation() {
    }

    public static String reason(Tier previous, Tier next, int windowDays, Figures window, PolicySettings policy,
            List<Contributor> contributors) {
        StringBuilder text = new StringBuilder()
                .append(previous == null ? "First tier " : "Moved from " + previous + " to ")
                .append(next).append(": ").append(windowDays).append("-day profit ").append(window.profit())
                .append(' ').append(rule(next, window, policy))
                .append(" (revenue ").append(window.revenue())
                .append(", cost of goods ").append(window.costOfGoods())
                .append(", cost to serve ").append(window.costToServe()).append(')');
        if (!contributors.isEmpty()) {
            Contributor top = contributors.get(0);
            text.append("; largest contributor ").append(top.kind()).append(' ')
                    .append(top.reference() == null ? top.eventId() : top.reference())
                    .append(" (").append(top.profitImpact()).append(')');
        }
        return text.append('.').toString();
    }

    private static String rule(Tier tier, Figures window, PolicySettings policy) {
        return switch (tier) {
            case D -> "is below zero";
            case A -> "reaches the A threshold of " + Money.ofMinor(policy.aThreshold());
            case C -> "is positive but cost to serve is " + share(window) + "% of gross margin (over-served from "
                    + policy.overServedPercent() + "%)";
            case B -> "is positive, below the A threshold and not over-served";
        };
    }

    private static long share(Figures window) {
        long margin = window.grossMargin().minorUnits();
        return margin <= 0 ? 100 : window.costToServe().minorUnits() * 100 / margin;
    }
}
