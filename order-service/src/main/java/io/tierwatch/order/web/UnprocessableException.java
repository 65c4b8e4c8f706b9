package io.tierwatch.order.web;

import java.util.List;

/** A well-formed request that breaks a business rule, such as returning more than was ordered: 422. */
public class UnprocessableException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public UnprocessableException(String field, String message) {
        super(field + ": " + message);
        this.problems = List.of(new FieldProblem(field, message));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
