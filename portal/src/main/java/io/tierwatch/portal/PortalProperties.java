package io.tierwatch.portal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal finds the services it reads, under {@code tierwatch.portal}.
 *
 * @param scoringUrl scoring-service's base URL (customers, portfolio)
 * @param notificationUrl notification-service's base URL (alerts, snooze)
 * @param pageSize customers per page of a list
 */
@ConfigurationProperties("tierwatch.portal")
public record PortalProperties(
        @DefaultValue("http://127.0.0.1:8082") URI scoringUrl,
        @DefaultValue("http://127.0.0.1:8083") URI notificationUrl,
        @DefaultValue("50") int pageSize) {
}
