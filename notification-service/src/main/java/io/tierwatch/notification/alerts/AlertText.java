package io.tierwatch.notification.alerts;

import java.util.stream.Collectors;

import io.tierwatch.contracts.Contributor;

/** The one-paragraph human text of an alert: Slack's {@code text}, the email subject and body. */
public final class AlertText {

    private AlertText() {
    }

    public static String subject(Alert alert) {
        return "[" + alert.action() + "] " + alert.customerName() + " moved " + from(alert) + " -> " + alert.newTier();
    }

    public static String text(Alert alert) {
        String traits = alert.traits().isEmpty() ? "none"
                : alert.traits().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        String contributors = alert.contributors().isEmpty() ? "none"
                : alert.contributors().stream().limit(3).map(AlertText::contributor).collect(Collectors.joining("; "));
        return "*" + alert.action() + "*: " + alert.customerName() + " (" + alert.customerId() + ") moved from tier "
                + from(alert) + " to " + alert.newTier() + ". Profit over " + alert.windowDays() + " days: "
                + alert.windowProfit() + ". Traits: " + traits + ". Why: " + (alert.reason() == null ? "not given." : alert.reason())
                + " Largest contributors: " + contributors + ".";
    }

    private static String from(Alert alert) {
        return alert.previousTier() == null ? "(none)" : alert.previousTier().name();
    }

    private static String contributor(Contributor c) {
        return c.kind() + (c.reference() == null ? "" : " " + c.reference()) + " " + c.profitImpact();
    }
}
