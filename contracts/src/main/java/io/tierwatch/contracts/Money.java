package io.tierwatch.contracts;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An exact amount of the deployment's base currency, in minor units (hundredths: cents, fen).
 * JSON carries it as a decimal string ({@code "1299.00"}) so no consumer reads it through a
 * binary floating point; Java carries it as a {@code long}.
 */
public record Money(long minorUnits) implements Comparable<Money> {

    public static final int SCALE = 2;
    public static final Money ZERO = new Money(0);

    /** At most 16 integer digits keeps every amount, and sums of many of them, far inside a long. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,16}(\\.\\d{1,2})?");

    public static Money ofMinor(long minorUnits) {
        return new Money(minorUnits);
    }

    /**
     * Parses {@code "12"}, {@code "12.5"} or {@code "-12.50"}; rejects more than two decimals,
     * exponents, separators and amounts of more than 16 integer digits.
     */
    @JsonCreator
    public static Money parse(String decimal) {
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException(
                    "not a decimal amount with at most 2 decimals and 16 integer digits: " + decimal);
        }
        return new Money(new BigDecimal(decimal).movePointRight(SCALE).longValueExact());
    }

    @JsonValue
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, SCALE).toPlainString();
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, other.minorUnits));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, other.minorUnits));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor));
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits));
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public String toString() {
        return toDecimalString();
    }
}
