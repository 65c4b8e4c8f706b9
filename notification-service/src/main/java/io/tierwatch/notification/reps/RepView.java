package io.tierwatch.notification.reps;

/**
 * A rep as the API shows it: never the webhook secret, the password or the full webhook URL
 * (Slack-style URLs carry tokens), only whether they are set and the webhook's host.
 */
record RepView(String id, String name, String email, Rep.Role role, Rep.DeliveryMode delivery, String webhookHost,
        boolean webhookSecretSet, boolean canLogIn) {

    static RepView of(Rep rep) {
        return new RepView(rep.id(), rep.name(), rep.email(), rep.role(), rep.delivery(),
                rep.webhookUrl() == null ? null : rep.webhookUrl().getHost(),
                rep.webhookSecret() != null && !rep.webhookSecret().isEmpty(),
                rep.password() != null && !rep.password().isBlank());
    }
}
