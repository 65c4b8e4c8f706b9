package io.tierwatch.order.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;

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

    private static String reason(JacksonException json) {
        String message = json.getOriginalMessage();
        int cut = message.indexOf('\n');
        return "has a value of the wrong type or format (" + (cut < 0 ? message : message.substring(0, cut)) + ")";
    }
}
