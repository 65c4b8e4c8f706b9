package io.tierwatch.scoring.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.Contributor;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Timestamps;
import io.tierwatch.contracts.TierDirection;
import io.tierwatch.contracts.Trait;
import io.tierwatch.scoring.domain.Explanation;
import io.tierwatch.scoring.domain.PolicySettings;

/**
 * A tier change as the apply script wrote it (a JSON object of strings, see docs). Everything
 * in the published event derives from it, so a re-publication is the same event.
 */
public final class OutboxEntry {

    private OutboxEntry() {
    }

    public static CustomerTierChanged parse(String customerId, String json, PolicySettings policy) {
        return of(customerId, fields(json), policy);
    }

    /** An entry's JSON object of strings as a map. */
    public static Map<String, String> fields(String json) {
        Map<String, String> e = new HashMap<>();
        CloudEventsKafka.json().readTree(json).properties().forEach(p -> e.put(p.getKey(), p.getValue().asString()));
        return e;
    }

    /** The tier change an entry (as fields) records. */
    public static CustomerTierChanged of(String customerId, Map<String, String> e, PolicySettings policy) {
        Tier previous = e.get("prev").isEmpty() ? null : Tier.valueOf(e.get("prev"));
        Tier next = Tier.valueOf(e.get("new"));
        int windowDays = Integer.parseInt(e.get("wd"));
        Figures window = Figures.of(money(e, "wr"), money(e, "wg"), money(e, "ws"));
        List<Contributor> contributors = contributors(e.get("contrib"));
        return new CustomerTierChanged(customerId, previous, next, TierDirection.between(previous, next),
                Long.parseLong(e.get("v")), e.get("pol"), windowDays, window,
                Figures.of(money(e, "lr"), money(e, "lg"), money(e, "ls")), traits(e.get("traits")), e.get("trig"),
                contributors, Explanation.reason(previous, next, windowDays, window, policy, contributors),
                Timestamps.parse(e.get("occ")));
    }

    /**
     * The history list's form of an entry: the history view shows the tiers, window profit,
     * trigger and reason (which names only the largest contributor), so the lifetime figures,
     * the traits and the other contributors are left out.
     */
    public static String historyOf(Map<String, String> fields) {
        Map<String, String> entry = new LinkedHashMap<>(fields);
        entry.keySet().removeAll(List.of("lr", "lg", "ls", "traits"));
        String contributors = entry.getOrDefault("contrib", "");
        int end = contributors.indexOf('\n');
        entry.put("contrib", end < 0 ? contributors : contributors.substring(0, end));
        return CloudEventsKafka.json().writeValueAsString(entry);
    }

    /** History entries omit the lifetime figures (the history view does not show them): 0. */
    private static long money(Map<String, String> e, String field) {
        String value = e.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    public static Set<Trait> traits(String joined) {
        EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(",")).map(Trait::valueOf).forEach(traits::add);
        }
        return traits;
    }

    /** Members {@code day|eventId|kind|reference|occurredAt|impact}; the reference may hold '|'. */
    public static List<Contributor> contributors(String joined) {
        List<Contributor> list = new ArrayList<>();
        if (joined == null || joined.isEmpty()) {
            return list;
        }
        for (String member : joined.split("\n")) {
            list.add(contributor(member));
        }
        return list;
    }

    public static Contributor contributor(String member) {
        String[] head = member.split("\\|", 4);
        String rest = head[3];
        int impactAt = rest.lastIndexOf('|');
        int timeAt = rest.lastIndexOf('|', impactAt - 1);
        return new Contributor(head[1], head[2], rest.substring(0, timeAt),
                Timestamps.parse(rest.substring(timeAt + 1, impactAt)),
                Money.ofMinor(Long.parseLong(rest.substring(impactAt + 1))));
    }
}
