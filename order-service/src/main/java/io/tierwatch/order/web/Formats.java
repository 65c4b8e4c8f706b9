package io.tierwatch.order.web;

/** Field formats shared by the request records, as Bean Validation patterns. */
public final class Formats {

    /**
     * Ids become Kafka keys and Redis key parts; braces would break scoring's hash tags and
     * whitespace breaks logs, so ids are restricted to a safe alphabet.
     */
    public static final String ID = "[A-Za-z0-9._:@-]{1,200}";
    public static final String ID_MESSAGE = "must be 1 to 200 characters of letters, digits and . _ : @ -";

    /** A non-negative decimal with at most 2 decimals and 16 integer digits, as Money parses it. */
    public static final String AMOUNT = "\\d{1,16}(\\.\\d{1,2})?";
    public static final String AMOUNT_MESSAGE = "must be a decimal string such as \"1299.00\" "
            + "(not negative, at most 2 decimals and 16 integer digits)";

    private Formats() {
    }
}
