package io.tierwatch.security;

/** What a person is to Tierwatch; systems have no role, only scopes. */
public enum Role {
    /** an account owner: their own customers only */
    REP,
    /** a sales manager: the reps of their team, or every rep where the deployment says so */
    MANAGER,
    /** the rep directory, imports, master data */
    ADMIN,
    /** operations: rebuilds, imports, every book read-only */
    OPS
}
