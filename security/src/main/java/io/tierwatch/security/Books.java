package io.tierwatch.security;

import java.util.Set;

/**
 * Whose customers a caller may see: every rep's, or those of some reps. A customer without an
 * owner is in no rep's book, so only callers who see every book see it.
 */
public record Books(boolean all, Set<String> reps) {

    public static final Books EVERY = new Books(true, Set.of());
    public static final Books NONE = new Books(false, Set.of());

    public Books {
        reps = Set.copyOf(reps);
    }

    public static Books of(Set<String> reps) {
        return new Books(false, reps);
    }

    public boolean includes(String ownerRepId) {
        return all || (ownerRepId != null && reps.contains(ownerRepId));
    }
}
