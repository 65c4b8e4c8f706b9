package io.tierwatch.notification.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.customers.Customer;
import io.tierwatch.notification.customers.CustomerDirectory;
import io.tierwatch.notification.security.Viewer;
import io.tierwatch.security.Caller;
import io.tierwatch.notification.web.Problems;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Snoozes a customer's alerts through the end of a date (in the digest time zone): the owner or
 * a manager may. Snoozed alerts are still recorded, with status SNOOZED, but not delivered.
 */
@RestController
class SnoozeController {

    record SnoozeRequest(LocalDate until) {
    }

    record Snooze(String customerId, Instant snoozedUntil) {
    }

    private final JedisPooled jedis;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final ZoneId zone;

    SnoozeController(JedisPooled jedis, CustomerDirectory customers, Clock clock, NotificationProperties properties) {
        this.jedis = jedis;
        this.customers = customers;
        this.clock = clock;
        this.zone = ZoneId.of(properties.digest().zone());
    }

    @ApiResponse(responseCode = "200", description = "snoozed through the end of the date")
    @ApiResponse(responseCode = "400", description = "no date, a date before today, or one that is not a date", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "an unknown customer, or one outside the caller's books (the same answer)", content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/v1/customers/{customerId}/snooze")
    Snooze snooze(@PathVariable String customerId, @RequestBody SnoozeRequest request, Caller caller) {
        requireInBooks(customerId, caller);
        if (request == null || request.until() == null) {
            throw Problems.invalid("until", "is required, a date like 2026-12-31");
        }
        Instant end = request.until().plusDays(1).atStartOfDay(zone).toInstant();
        if (!end.isAfter(clock.instant())) {
            throw Problems.invalid("until", "must be today or later");
        }
        jedis.set(SnoozeKeys.snooze(customerId), Long.toString(end.toEpochMilli()),
                SetParams.setParams().pxAt(end.toEpochMilli()));
        return new Snooze(customerId, end);
    }

    @ApiResponse(responseCode = "204", description = "the snooze is lifted (or there was none)")
    @ApiResponse(responseCode = "404", description = "an unknown customer, or one outside the caller's books (the same answer)", content = @Content(mediaType = "application/problem+json"))
    @DeleteMapping("/api/v1/customers/{customerId}/snooze")
    ResponseEntity<Void> wake(@PathVariable String customerId, Caller caller) {
        requireInBooks(customerId, caller);
        jedis.del(SnoozeKeys.snooze(customerId));
        return ResponseEntity.noContent().build();
    }

    /** A customer outside the caller's books is a 404, as an unknown one is, so that ids cannot be probed. */
    private void requireInBooks(String customerId, Caller caller) {
        Viewer viewer = Viewer.of(caller);
        customers.find(customerId).filter(c -> viewer.maySee(c.ownerRepId()))
                .orElseThrow(() -> Problems.notFound("customer " + customerId));
    }
}
