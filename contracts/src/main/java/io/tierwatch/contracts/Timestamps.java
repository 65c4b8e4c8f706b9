package io.tierwatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * RFC 3339 instants as every event carries them, read and written without
 * {@code DateTimeFormatter}, which profiles of the consumers showed as their single largest
 * decoding cost. Only the shape {@link Instant#toString()} writes for the years 0000-9999 is
 * handled here ({@code 2026-01-02T10:15:30Z}, with 1-9 fraction digits); anything else goes to
 * {@link Instant#parse} / {@link Instant#toString()}, so results and errors are theirs. Dates
 * ({@code customerSince}) likewise: {@code 2019-05-01} here, anything else to {@code LocalDate.parse}.
 */
public final class Timestamps {

    private static final long DAYS_0000_TO_1970 = 719_528;
    private static final long SECONDS_0000_TO_1970 = DAYS_0000_TO_1970 * 86_400;
    private static final long SECONDS_1970_TO_10000 = 253_402_300_800L;
    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};

    private Timestamps() {
    }

    /** {@link Instant#parse}'s result (and error) for any text, fast for the common shape. */
    public static Instant parse(String text) {
        Instant instant = parseCommonShape(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** The instant {@code text} denotes if it has the common shape, else null. */
    static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fractionDigits = Math.max(0, length - 21);
        int fraction = fractionDigits == 0 ? 0 : digits(text, 20, fractionDigits);
        if ((year | month | day | hour | minute | second | fraction) < 0 || month < 1 || month > 12 || day < 1
                || day > lengthOfMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long seconds = epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
        return Instant.ofEpochSecond(seconds, (long) fraction * NANOS_PER_DIGIT[fractionDigits]);
    }

    /** The date {@code text} denotes if it is {@code yyyy-MM-dd} with years 0000-9999, else null. */
    static LocalDate parseCommonDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if ((year | month | day) < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** Exactly {@link Instant#toString()}: seconds always written, a fraction of 3, 6 or 9 digits if any. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < -SECONDS_0000_TO_1970 || seconds >= SECONDS_1970_TO_10000) {
            return instant.toString();
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] out = new char[30];
        put(out, 0, utc.getYear(), 4);
        out[4] = '-';
        put(out, 5, utc.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, utc.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, utc.getHour(), 2);
        out[13] = ':';
        put(out, 14, utc.getMinute(), 2);
        out[16] = ':';
        put(out, 17, utc.getSecond(), 2);
        int end = 19;
        int nano = instant.getNano();
        if (nano != 0) {
            out[end++] = '.';
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            put(out, end, nano / NANOS_PER_DIGIT[digits], digits);
            end += digits;
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** {@code LocalDate.toEpochDay} for years 0-9999, without building a LocalDate. */
    private static long epochDay(int year, int month, int day) {
        long days = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
                + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            days -= isLeap(year) ? 1 : 2;
        }
        return days - DAYS_0000_TO_1970;
    }
}
