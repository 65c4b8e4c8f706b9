package io.tierwatch.notification.email;

import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import io.tierwatch.contracts.Contributor;
import io.tierwatch.notification.alerts.Alert;
import io.tierwatch.notification.alerts.AlertText;
import io.tierwatch.notification.delivery.Notice;

/** The subject, plain-text and HTML bodies of an alert email or a digest. */
final class EmailContent {

    private EmailContent() {
    }

    static String subject(Notice notice) {
        return notice.digest() ? "Tierwatch digest: " + notice.alerts().size() + " alert(s)"
                : "Tierwatch " + AlertText.subject(notice.alerts().get(0));
    }

    static String plain(Notice notice) {
        return notice.alerts().stream().map(EmailContent::plain).collect(Collectors.joining("\n\n"));
    }

    static String html(Notice notice) {
        return "<html><body>" + notice.alerts().stream().map(EmailContent::html).collect(Collectors.joining("<hr>"))
                + "</body></html>";
    }

    private static String plain(Alert a) {
        return AlertText.subject(a) + "\n\n" + AlertText.text(a).replace("*", "") + "\n\nCustomer: " + a.customerId()
                + "\nWindow (" + a.windowDays() + " days): revenue " + a.window().revenue() + ", gross margin "
                + a.window().grossMargin() + ", cost to serve " + a.window().costToServe() + ", profit " + a.windowProfit()
                + "\nEvent: " + a.eventId();
    }

    private static String html(Alert a) {
        String contributors = a.contributors().stream().map(EmailContent::row).collect(Collectors.joining());
        return "<h2>" + esc(AlertText.subject(a)) + "</h2>"
                + "<p><strong>" + esc(a.action().name()) + "</strong>: " + esc(a.reason() == null ? "" : a.reason()) + "</p>"
                + "<table><tr><th>Revenue</th><th>Gross margin</th><th>Cost to serve</th><th>Profit</th></tr><tr><td>"
                + a.window().revenue() + "</td><td>" + a.window().grossMargin() + "</td><td>" + a.window().costToServe()
                + "</td><td>" + a.windowProfit() + "</td></tr></table>"
                + "<p>Traits: " + esc(a.traits().isEmpty() ? "none" : a.traits().toString()) + "</p>"
                + (contributors.isEmpty() ? "" : "<ul>" + contributors + "</ul>")
                + "<p><small>Customer " + esc(a.customerId()) + ", event " + esc(a.eventId()) + "</small></p>";
    }

    private static String row(Contributor c) {
        return "<li>" + esc(c.kind()) + " " + esc(c.reference() == null ? "" : c.reference()) + ": " + c.profitImpact()
                + "</li>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
