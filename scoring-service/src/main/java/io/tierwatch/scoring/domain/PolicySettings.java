package io.tierwatch.scoring.domain;

/**
 * The tier policy's thresholds in minor units and percent.
 *
 * @param aThreshold window profit at or above which a customer is A
 * @param aBand an A customer stays A until profit falls below {@code aThreshold - aBand}
 * @param overServedPercent cost to serve at or above this share of gross margin makes C
 * @param overServedBandPercent a C customer stays C until the share falls below {@code overServedPercent - band}
 * @param lossExitBand a D customer leaves D only when profit reaches this much
 * @param version recorded on every tier state, so a change of thresholds is visible
 */
public record PolicySettings(long aThreshold, long aBand, int overServedPercent, int overServedBandPercent,
        long lossExitBand, String version) {
}
