package io.tierwatch.order.web;

/** Field formats shared by the request records, as Bean Validation patterns; ids are {@link io.tierwatch.contracts.Ids}. */
public final class Formats {

    /** A non-negative decimal with at most 2 decimals and 16 integer digits, as Money parses it. */
    public static final String AMOUNT = "\\d{1,16}(\\.\\d{1,2})?";
    public static final String AMOUNT_MESSAGE = "must be a decimal string such as \"1299.00\" "
            + "(not negative, at most 2 decimals and 16 integer digits)";

    private Formats() {
    }
}
