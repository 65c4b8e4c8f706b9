package io.tierwatch.order.web;

/** Answered with the matching problem status by the problem handler. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
