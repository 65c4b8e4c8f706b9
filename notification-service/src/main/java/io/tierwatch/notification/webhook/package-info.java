/** The webhook channel: signed JSON alerts, Slack-compatible. */
package io.tierwatch.notification.webhook;
