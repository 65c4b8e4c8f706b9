package io.tierwatch.notification.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;

/**
 * Who is asking: a rep sees only their own alerts, stream and settings; a manager sees everyone's.
 * Asking for someone else's is a 403 problem detail.
 */
public record Viewer(String repId, boolean manager) {

    public static Viewer of(Authentication authentication) {
        boolean manager = authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_MANAGER".equals(a.getAuthority()));
        return new Viewer(authentication.getName(), manager);
    }

    public boolean maySee(String otherRepId) {
        return manager || repId.equals(otherRepId);
    }

    /** The rep whose data to show: the one asked for if allowed, else the viewer; null means all (managers). */
    public String scope(String requestedRepId) {
        if (requestedRepId == null || requestedRepId.isBlank()) {
            return manager ? null : repId;
        }
        requireMaySee(requestedRepId);
        return requestedRepId;
    }

    public void requireMaySee(String otherRepId) {
        if (!maySee(otherRepId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "rep " + repId + " may only see their own alerts and settings, not those of " + otherRepId);
            problem.setProperty("field", "rep");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }

    public void requireManager() {
        if (!manager) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "only managers may do this"), null);
        }
    }
}
