package io.tierwatch.scoring.ledger;

/**
 * Redis does not hold the state epoch the consumers' committed offsets belong to (it was flushed,
 * lost, or replaced), or the epoch is not known yet: nothing is written on top of it.
 */
public class StateLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StateLostException(String message) {
        super(message);
    }
}
