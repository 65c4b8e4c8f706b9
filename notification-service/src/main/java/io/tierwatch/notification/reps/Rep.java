package io.tierwatch.notification.reps;

import java.net.URI;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A sales rep or manager and how they want to hear about their customers. Who they are and what
 * they may see come from their login (the issuer's token); this is only where their alerts go.
 * The webhook secret never leaves the service: {@link #toString()} leaves it out, and the API
 * shows {@link RepView} instead.
 */
public record Rep(
        String id,
        String name,
        String email,
        URI webhookUrl,
        String webhookSecret,
        @DefaultValue("IMMEDIATE") DeliveryMode delivery) {

    public Rep {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tierwatch.reps[].id is required");
        }
        delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
    }

    @Override
    public String toString() {
        return "Rep[id=" + id + ", delivery=" + delivery + "]";
    }

    public enum DeliveryMode { IMMEDIATE, DIGEST }
}
