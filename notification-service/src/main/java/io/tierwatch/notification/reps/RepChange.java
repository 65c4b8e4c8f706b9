package io.tierwatch.notification.reps;

import java.net.URI;

/** A change to a rep's name or channels through the API; absent fields stay as they are. */
public record RepChange(String name, String email, URI webhookUrl, String webhookSecret, Rep.DeliveryMode delivery) {

    @Override
    public String toString() {
        return "RepChange[email=" + email + ", delivery=" + delivery + "]";
    }
}
