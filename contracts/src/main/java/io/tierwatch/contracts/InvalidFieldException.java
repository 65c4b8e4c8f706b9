package io.tierwatch.contracts;

/**
 * An event's field breaks a rule of the contract. The message is {@code "<field> <reason>"}; a
 * REST API reports the two apart, a consumer dead-letters the record with the message.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
