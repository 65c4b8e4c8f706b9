package io.tierwatch.contracts;

import java.util.Collection;

/**
 * Invariant checks for event records. A record that breaks one cannot be built, so a bad
 * Kafka record fails to decode and goes to the dead-letter topic with the field named.
 */
final class Require {

    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > 200) {
            throw new InvalidFieldException(field, "is longer than 200 characters");
        }
        return value;
    }

    /** A business id: {@link Ids#require}. */
    static String id(String value, String field) {
        return Ids.require(value, field);
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    static Money nonNegative(Money value, String field) {
        present(value, field);
        if (value.isNegative()) {
            throw new InvalidFieldException(field, "must not be negative");
        }
        return value;
    }

    static Money orZero(Money value, String field) {
        return value == null ? Money.ZERO : nonNegative(value, field);
    }

    static long positive(long value, String field) {
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be positive");
        }
        return value;
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidFieldException(field, "must not be negative");
        }
        return value;
    }

    static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        return values;
    }
}
