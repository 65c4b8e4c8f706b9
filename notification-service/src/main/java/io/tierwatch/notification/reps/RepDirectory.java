package io.tierwatch.notification.reps;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;

/** The reps and managers of the deployment, by id, from {@code tierwatch.reps[*]}. */
@Component
public class RepDirectory {

    private final Map<String, Rep> configured = new LinkedHashMap<>();

    RepDirectory(NotificationProperties properties) {
        for (Rep rep : properties.reps()) {
            if (configured.putIfAbsent(rep.id(), rep) != null) {
                throw new IllegalStateException("tierwatch.reps has two reps with id " + rep.id());
            }
        }
    }

    public Optional<Rep> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(configured.get(id));
    }

    public Collection<Rep> all() {
        return configured.values();
    }
}
