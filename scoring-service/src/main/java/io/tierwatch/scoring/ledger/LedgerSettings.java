package io.tierwatch.scoring.ledger;

import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;

/** What the ledger needs of the configuration: the window, the policy, the traits, how many contributors are kept. */
public record LedgerSettings(int windowDays, PolicySettings policy, TraitSettings traits, int contributorsKept) {
}
