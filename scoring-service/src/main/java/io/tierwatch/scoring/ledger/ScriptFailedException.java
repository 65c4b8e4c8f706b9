package io.tierwatch.scoring.ledger;

/**
 * The apply script failed on one command of a pipeline (a script error, not an outage). The
 * commands before it are applied; those after it were applied too and their watermarks skip them
 * when redelivered.
 */
public class ScriptFailedException extends RuntimeException {

    private final int index;

    ScriptFailedException(int index, RuntimeException cause) {
        super("apply script failed on command " + index + ": " + cause.getMessage(), cause);
        this.index = index;
    }

    /** The failed command's position in the batch given to {@link RedisLedger#apply}. */
    public int index() {
        return index;
    }
}
