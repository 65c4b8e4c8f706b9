package io.tierwatch.notification.security;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.tierwatch.security.Books;
import io.tierwatch.security.Caller;
import io.tierwatch.security.Role;

/**
 * Who is asking, and whose alerts, streams and settings they see: a rep their own, a manager
 * their team's (or everyone's, by configuration), admins, ops and {@code alerts:read} systems
 * everyone's. Asking for a rep outside that is a 403; a customer outside it is a 404, decided
 * where the customer's owner is known.
 */
public record Viewer(Caller caller, Books books) {

    /** The scope a system needs to read every rep's alerts. */
    public static final String READ_SCOPE = "alerts:read";

    public static Viewer of(Caller caller) {
        return new Viewer(caller, caller.books(READ_SCOPE));
    }

    /** The viewer's own rep id; null for a system or a person without a book. */
    public String repId() {
        return caller.repId();
    }

    public boolean maySee(String otherRepId) {
        return books.includes(otherRepId);
    }

    /** Whether the viewer looks after other reps' books too (the live page shows whose each alert is). */
    public boolean manager() {
        return books.all() || books.reps().size() > 1 || caller.has(Role.MANAGER);
    }

    /** The books to show: the one rep asked for if the viewer sees it, else all the viewer sees. */
    public Books scope(String requestedRepId) {
        if (requestedRepId == null || requestedRepId.isBlank()) {
            return books;
        }
        requireMaySee(requestedRepId);
        return Books.of(Set.of(requestedRepId));
    }

    public void requireMaySee(String otherRepId) {
        if (!maySee(otherRepId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    caller.name() + " may not see the alerts and settings of " + otherRepId);
            problem.setProperty("field", "rep");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }

    /** Where a rep's alerts go (webhook, its secret, email) changes only by their own login or an admin's. */
    public void requireSelfOrAdmin(String repId) {
        if (!(repId.equals(caller.repId()) || caller.has(Role.ADMIN))) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "only " + repId + " or an admin may change where " + repId + "'s alerts go"), null);
        }
    }

    /** Adding a rep to the directory: managers and admins. */
    public void requireManager() {
        if (!(caller.has(Role.MANAGER) || caller.has(Role.ADMIN))) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "only managers and admins may add a rep"), null);
        }
    }
}
