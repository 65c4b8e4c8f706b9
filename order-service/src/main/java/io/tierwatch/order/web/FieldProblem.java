package io.tierwatch.order.web;

/** One bad field of a request, by its JSON path ({@code lines[0].quantity}), and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
