package io.tierwatch.order.web;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.http.converter.HttpMessageNotReadableException;

import io.tierwatch.contracts.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Names the field of a body Jackson could not read, by its JSON path. */
final class JsonErrors {

    private JsonErrors() {
    }

    /** The body-size limit, when that is what stopped reading a streamed body. */
    static RequestTooLargeException tooLarge(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    static FieldProblem problemOf(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                return new FieldProblem(path(json), reason(json));
            }
            if (t instanceof StreamReadException json && json.getOriginalMessage().startsWith("Duplicate Object property")) {
                return new FieldProblem("body", "gives a key twice: " + quoted(json.getOriginalMessage()));
            }
        }
        return new FieldProblem("body", "is not readable JSON of the expected shape");
    }

    private static String path(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the field must be, in the API's words: no library or class names. */
    private static String reason(JacksonException json) {
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == String.class || target == Money.class) {
                return "must be a JSON string" + (target == Money.class ? " such as \"1299.00\"" : "");
            }
            if (target == Long.class || target == long.class || target == Integer.class || target == int.class) {
                return "must be a whole number (a JSON number without a fraction)";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "must be true or false";
            }
            if (target == Instant.class) {
                return "must be an RFC 3339 date-time string such as \"2026-01-02T10:15:30Z\"";
            }
            if (target == LocalDate.class) {
                return "must be a date string such as \"2024-01-15\"";
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "must be a JSON array";
            }
        }
        return "has a value of the wrong type or format";
    }

    private static String quoted(String message) {
        int start = message.indexOf('"');
        int end = start < 0 ? -1 : message.indexOf('"', start + 1);
        return end < 0 ? "a property" : message.substring(start, end + 1);
    }
}
