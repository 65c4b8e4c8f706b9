package io.tierwatch.order.web;

/** A body over the configured size, or a request over the configured number of lines: 413. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
