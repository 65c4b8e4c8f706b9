package io.tierwatch.notification.reps;

import java.net.URI;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A sales rep or manager and how they want to hear about their customers. The webhook secret
 * and the password hash never leave the service: {@link #toString()} leaves them out, and the
 * API shows {@link RepView} instead.
 */
public record Rep(
        String id,
        String name,
        String email,
        URI webhookUrl,
        String webhookSecret,
        String password,
        @DefaultValue("REP") Role role,
        @DefaultValue("IMMEDIATE") DeliveryMode delivery) {

    public Rep {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tierwatch.reps[].id is required");
        }
        role = role == null ? Role.REP : role;
        delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    @Override
    public String toString() {
        return "Rep[id=" + id + ", role=" + role + ", delivery=" + delivery + "]";
    }

    public enum Role { REP, MANAGER }

    public enum DeliveryMode { IMMEDIATE, DIGEST }
}
