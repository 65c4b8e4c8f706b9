package io.tierwatch.order.web;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request, so one 400 names them all. */
public final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    public Problems check(boolean ok, String field, String message) {
        if (!ok) {
            found.add(new FieldProblem(field, message));
        }
        return this;
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
