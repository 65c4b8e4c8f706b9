package io.tierwatch.contracts;

import java.nio.charset.StandardCharsets;

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
    private static final int MAX_INTEGER_DIGITS = 16;
    /** No accepted amount reaches it (|amount| < 10^18 minor units), so it can mean "not an amount". */
    private static final long INVALID = Long.MIN_VALUE;

    public static Money ofMinor(long minorUnits) {
        return new Money(minorUnits);
    }

    /**
     * Parses {@code "12"}, {@code "12.5"} or {@code "-12.50"}; rejects more than two decimals,
     * exponents, separators and amounts of more than 16 integer digits.
     */
    @JsonCreator
    public static Money parse(String decimal) {
        long minorUnits = decimal == null ? INVALID : minorUnitsOf(decimal);
        if (minorUnits == INVALID) {
            throw new IllegalArgumentException(
                    "not a decimal amount with at most 2 decimals and 16 integer digits: " + decimal);
        }
        return new Money(minorUnits);
    }

    /**
     * Exactly the language {@code -?[0-9]{1,16}(\.[0-9]{1,2})?}, read digit by digit: every
     * event carries several amounts, and a regex plus a BigDecimal per amount showed up in
     * profiles of the consumers. Returns {@link #INVALID} for anything else.
     */
    private static long minorUnitsOf(String text) {
        int length = text.length();
        boolean negative = length > 0 && text.charAt(0) == '-';
        int i = negative ? 1 : 0;
        int integerStart = i;
        long units = 0;
        for (; i < length && isDigit(text.charAt(i)); i++) {
            units = units * 10 + (text.charAt(i) - '0');
        }
        int integerDigits = i - integerStart;
        if (integerDigits < 1 || integerDigits > MAX_INTEGER_DIGITS) {
            return INVALID;
        }
        long hundredths = 0;
        if (i < length) {
            if (text.charAt(i) != '.') {
                return INVALID;
            }
            int fractionStart = ++i;
            for (; i < length && isDigit(text.charAt(i)); i++) {
                hundredths = hundredths * 10 + (text.charAt(i) - '0');
            }
            int fractionDigits = i - fractionStart;
            if (fractionDigits < 1 || fractionDigits > SCALE || i < length) {
                return INVALID;
            }
            hundredths = fractionDigits == 1 ? hundredths * 10 : hundredths;
        }
        long minorUnits = units * 100 + hundredths;
        return negative ? -minorUnits : minorUnits;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code "1299.00"}, {@code "-0.05"}: always two decimals, as {@code BigDecimal.toPlainString} writes them. */
    @JsonValue
    public String toDecimalString() {
        byte[] out = new byte[21];
        int at = out.length;
        // Digits are taken from the amount made non-positive, which also holds Long.MIN_VALUE.
        long rest = minorUnits < 0 ? minorUnits : -minorUnits;
        out[--at] = (byte) ('0' - rest % 10);
        rest /= 10;
        out[--at] = (byte) ('0' - rest % 10);
        rest /= 10;
        out[--at] = '.';
        do {
            out[--at] = (byte) ('0' - rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (minorUnits < 0) {
            out[--at] = '-';
        }
        return new String(out, at, out.length - at, StandardCharsets.ISO_8859_1);
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
