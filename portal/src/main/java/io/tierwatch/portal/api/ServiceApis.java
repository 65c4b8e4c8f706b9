package io.tierwatch.portal.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import io.tierwatch.portal.PortalProperties;

/**
 * scoring-service's and notification-service's APIs, called with the viewer's own access token:
 * a service decides what the person may see (a rep only their book), and answers 404 for the rest,
 * which the portal shows as its not-found page. Bodies are read as maps of JSON values, shown as
 * they come: money stays the services' decimal strings.
 */
@Component
public class ServiceApis {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient scoring;
    private final RestClient notification;

    ServiceApis(RestClient.Builder builder, PortalProperties properties) {
        this.scoring = client(builder, properties.scoringUrl());
        this.notification = client(builder, properties.notificationUrl());
    }

    /** A page of the viewer's customers, optionally of one tier; {@code cursor} null for the first. */
    public Map<String, Object> customers(String token, String tier, String cursor, int size) {
        return scoring.get().uri(u -> query(u.path("/api/v1/customers"), "tier", tier, "cursor", cursor)
                        .queryParam("size", size).build())
                .headers(h -> h.setBearerAuth(token)).retrieve().body(OBJECT);
    }

    public Map<String, Object> customer(String token, String customerId) {
        return scoring.get().uri("/api/v1/customers/{id}", customerId).headers(h -> h.setBearerAuth(token))
                .retrieve().body(OBJECT);
    }

    public Map<String, Object> portfolio(String token, String period, int mapPoints) {
        return scoring.get().uri(u -> u.path("/api/v1/portfolio").queryParam("period", period)
                        .queryParam("mapPoints", mapPoints).build())
                .headers(h -> h.setBearerAuth(token)).retrieve().body(OBJECT);
    }

    /** The newest alerts of the viewer's books, each with its deliveries. */
    public List<Map<String, Object>> alerts(String token, int limit) {
        return notification.get().uri(u -> u.path("/api/v1/alerts").queryParam("limit", limit).build())
                .headers(h -> h.setBearerAuth(token)).retrieve().body(LIST);
    }

    /** No alerts for this customer through the end of {@code until}. */
    public void snooze(String token, String customerId, LocalDate until) {
        notification.post().uri("/api/v1/customers/{id}/snooze", customerId).headers(h -> h.setBearerAuth(token))
                .body(Map.of("until", until.toString())).retrieve().toBodilessEntity();
    }

    /** Marks an alert handled; the first acknowledgement stands. */
    public void acknowledge(String token, String alertId) {
        notification.post().uri("/api/v1/alerts/{id}/acknowledgement", alertId).headers(h -> h.setBearerAuth(token))
                .retrieve().toBodilessEntity();
    }

    /** The rep's alert settings (delivery IMMEDIATE or DIGEST); not found for a login without a rep. */
    public Map<String, Object> rep(String token, String repId) {
        return notification.get().uri("/api/v1/reps/{id}", repId).headers(h -> h.setBearerAuth(token))
                .retrieve().body(OBJECT);
    }

    /** Alerts at once, or in the daily digest. */
    public void delivery(String token, String repId, String mode) {
        notification.put().uri("/api/v1/reps/{id}", repId).headers(h -> h.setBearerAuth(token))
                .body(Map.of("delivery", mode)).retrieve().toBodilessEntity();
    }

    public void wake(String token, String customerId) {
        notification.delete().uri("/api/v1/customers/{id}/snooze", customerId).headers(h -> h.setBearerAuth(token))
                .retrieve().toBodilessEntity();
    }

    private static RestClient client(RestClient.Builder builder, URI base) {
        return builder.clone().baseUrl(base.toString())
                .defaultStatusHandler(status -> status.value() == 404, (request, response) -> {
                    throw new NotFound(request.getURI().getPath());
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new ServiceUnavailable(request.getURI().getHost() + ":" + request.getURI().getPort(),
                            HttpStatus.valueOf(response.getStatusCode().value()));
                })
                .build();
    }

    private static UriBuilder query(UriBuilder uri, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                uri.queryParam(pairs[i], pairs[i + 1]);
            }
        }
        return uri;
    }

    /** The service knows no such thing, or not for this viewer: the same answer, by design. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String path) {
            super("not found: " + path);
        }
    }

    /** A service answered with an error other than 404. */
    public static final class ServiceUnavailable extends RuntimeException {
        private final HttpStatus status;

        ServiceUnavailable(String service, HttpStatus status) {
            super(service + " answered " + status);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
