package io.tierwatch.notification.reps;

/**
 * A rep as the API shows it: never the webhook secret or the full webhook URL
 * (Slack-style URLs carry tokens), only whether they are set and the webhook's host.
 */
record RepView(String id, String name, String email, Rep.DeliveryMode delivery, String webhookHost,
        boolean webhookSecretSet) {

    static RepView of(Rep rep) {
        return new RepView(rep.id(), rep.name(), rep.email(), rep.delivery(),
                rep.webhookUrl() == null ? null : rep.webhookUrl().getHost(),
                rep.webhookSecret() != null && !rep.webhookSecret().isEmpty());
    }
}
