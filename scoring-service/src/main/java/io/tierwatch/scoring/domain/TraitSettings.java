package io.tierwatch.scoring.domain;

/**
 * When a customer carries a trait; tenure counts from the master data's customer-since date,
 * else from the first activity, up to the window end.
 *
 * @param newDays NEW while tenure is shorter than this
 * @param loyalDays LOYAL from this tenure on, while the last activity is at most {@code activeDays} old
 * @param bigRevenue BIG from this lifetime revenue on (minor units)
 * @param growthPercent POTENTIAL when window revenue exceeds the previous window's by this much
 */
public record TraitSettings(int newDays, int loyalDays, int activeDays, long bigRevenue, int growthPercent) {
}
