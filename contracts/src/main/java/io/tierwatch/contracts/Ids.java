package io.tierwatch.contracts;

import java.util.regex.Pattern;

/**
 * The rule for every business id (customer, order, ticket, return, rep), the same in the REST
 * API and in every consumer. Ids become Kafka keys, Redis key parts and parts of derived ids, so
 * they keep to a safe alphabet (no braces, which are Redis hash tags, no whitespace, no {@code ;}
 * or {@code /}, which paths would cut), and to {@link #MAX_LENGTH} characters, which leaves room
 * for the longest derived id within {@link #MAX_EVENT_ID_LENGTH}: {@code customer-upserted:<id>:<epoch
 * millis>} and {@code tier:<id>:<version>} are at most 33 characters longer than the id.
 */
public final class Ids {

    public static final int MAX_LENGTH = 128;
    /** The longest CloudEvent id ({@code ce_id}) accepted. */
    public static final int MAX_EVENT_ID_LENGTH = 200;
    /** {@link #MAX_LENGTH} in a Bean Validation / JSON Schema pattern. */
    public static final String PATTERN = "[A-Za-z0-9._:@-]{1,128}";
    public static final String MESSAGE = "must be 1 to 128 characters of letters, digits and . _ : @ -";

    private static final Pattern ID = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** {@code value} if it is a valid id, else an {@link InvalidFieldException} naming {@code field}. */
    public static String require(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!isValid(value)) {
            throw new InvalidFieldException(field, MESSAGE + " (was " + describe(value) + ")");
        }
        return value;
    }

    /** An optional id: null, or a valid id. */
    public static String optional(String value, String field) {
        return value == null ? null : require(value, field);
    }

    private static String describe(String value) {
        return value.length() > MAX_LENGTH ? value.length() + " characters" : "\"" + value + "\"";
    }
}
