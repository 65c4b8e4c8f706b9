package io.tierwatch.order.web;

/**
 * 409: the id was used before with other content ({@code conflict}), or a request with the same
 * id is being published right now ({@code in-progress}; retrying shortly gets the answer).
 */
public class ConflictException extends RuntimeException {

    private final String reason;

    public ConflictException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
