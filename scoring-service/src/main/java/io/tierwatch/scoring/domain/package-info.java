/** The domain core in plain Java: record deltas, the tier policy with hysteresis, traits, the window ledger, reasons. */
package io.tierwatch.scoring.domain;
