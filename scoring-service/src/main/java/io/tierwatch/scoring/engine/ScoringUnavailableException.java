package io.tierwatch.scoring.engine;

/** Redis or Kafka could not be reached; worth retrying for as long as it takes, never dead-lettering. */
public class ScoringUnavailableException extends RuntimeException {

    public ScoringUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
