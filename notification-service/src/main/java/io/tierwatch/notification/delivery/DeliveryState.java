package io.tierwatch.notification.delivery;

import java.time.Instant;

/**
 * Where one delivery of an alert stands, as the delivery log shows it.
 *
 * @param outcome PENDING, RETRYING, DELIVERED or DEAD_LETTERED
 * @param lastError why the last attempt failed, without URLs or secrets
 */
public record DeliveryState(int attempts, String outcome, String lastError, Instant updatedAt) {

    public static final String DELIVERED = "DELIVERED";
    public static final String RETRYING = "RETRYING";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
}
