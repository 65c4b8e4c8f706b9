package io.tierwatch.scoring.ledger;

import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;

/** The ledger settings of scoring-service.yml's defaults, for the ledger's tests. */
final class TestLedgerSettings {

    /** 90-day window, policy-1 (A from 1,000.00, D exits above 50.00), the default traits, 5 contributors. */
    static final LedgerSettings DEFAULTS = new LedgerSettings(90,
            new PolicySettings(100_000, 10_000, 50, 10, 5_000, "policy-1"), new TraitSettings(30, 365, 90, 1_000_000, 20),
            5);

    private TestLedgerSettings() {
    }
}
