package io.tierwatch.scoring.ledger;

/**
 * One command of a batch could not be applied (an amount overflow, not an outage). Nothing of it
 * was written. The commands before it are committed; later commands of other customers are too,
 * and their watermarks skip them when redelivered; later commands of its customer wait.
 */
public class ScriptFailedException extends RuntimeException {

    private final int index;

    ScriptFailedException(int index, RuntimeException cause) {
        super("command " + index + " not applied: " + cause.getMessage(), cause);
        this.index = index;
    }

    /** The failed command's position in the batch given to {@link RedisLedger#apply}. */
    public int index() {
        return index;
    }
}
