package io.tierwatch.scoring.ledger;

import java.util.Collection;

/**
 * Customers kept being written by another writer between this ledger's read and its commit.
 * Nothing is wrong with the records: the caller retries the batch later (its watermarks make that
 * safe), as for an outage, and never dead-letters for this.
 */
public class ContentionException extends RuntimeException {

    ContentionException(Collection<String> customers, int attempts) {
        super(customers.size() + " customers changed by another writer on each of " + attempts
                + " attempts, e.g. " + customers.iterator().next());
    }
}
