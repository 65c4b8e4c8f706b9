package io.tierwatch.order.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to an accepted submission: 202 when published now, 200 when it had been already. */
public record Accepted(String eventId, boolean duplicate) {

    public static ResponseEntity<Accepted> of(String eventId, boolean duplicate) {
        return ResponseEntity.status(duplicate ? HttpStatus.OK : HttpStatus.ACCEPTED).body(new Accepted(eventId, duplicate));
    }
}
