package io.tierwatch.order.web;

/** Answered with the matching problem status by the problem handler. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
