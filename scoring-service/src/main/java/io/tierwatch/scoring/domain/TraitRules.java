package io.tierwatch.scoring.domain;

import java.util.EnumSet;
import java.util.Set;

import io.tierwatch.contracts.Trait;

/** The seed's reasons to keep an unprofitable customer; mirrored by {@code redis/apply.lua}. */
public final class TraitRules {

    private final TraitSettings settings;

    public TraitRules(TraitSettings settings) {
        this.settings = settings;
    }

    /**
     * @param windowEnd the window's last day (epoch day), null before any activity
     * @param tenureStart customer-since from master data, else the first activity day; may be null
     * @param lastActivity the last activity day, may be null
     */
    public Set<Trait> of(Long windowEnd, Long tenureStart, Long lastActivity, long lifetimeRevenue,
            long windowRevenue, long previousWindowRevenue, boolean strategic) {
        EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
        boolean known = windowEnd != null && tenureStart != null;
        if (known && windowEnd - tenureStart >= settings.loyalDays() && lastActivity != null
                && windowEnd - lastActivity <= settings.activeDays()) {
            traits.add(Trait.LOYAL);
        }
        if (lifetimeRevenue >= settings.bigRevenue()) {
            traits.add(Trait.BIG);
        }
        if (previousWindowRevenue > 0 && Math.multiplyExact(windowRevenue, 100L)
                >= Math.multiplyExact(previousWindowRevenue, 100L + settings.growthPercent())) {
            traits.add(Trait.POTENTIAL);
        }
        if (strategic) {
            traits.add(Trait.STRATEGIC);
        }
        if (known && windowEnd - tenureStart < settings.newDays()) {
            traits.add(Trait.NEW);
        }
        return traits;
    }
}
