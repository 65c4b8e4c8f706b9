package io.tierwatch.notification.alerts;

/** Where a customer's snooze lives: the epoch millis until which its alerts are held back. */
final class SnoozeKeys {

    private SnoozeKeys() {
    }

    static String snooze(String customerId) {
        return "tw:notify:snooze:" + customerId;
    }
}
