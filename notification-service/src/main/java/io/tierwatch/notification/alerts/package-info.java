/** Turning tier changes into alerts: rules, routing to the owner, dedupe, cooldown and snooze. */
package io.tierwatch.notification.alerts;
