package io.tierwatch.scoring.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierwatch.contracts.Timestamps;
import redis.clients.jedis.AbstractPipeline;

/**
 * Tier changes committed and not yet acknowledged by Kafka, kept in the customer's state hash as
 * {@code o:<version>} → {@code "<previous tier or -> <window days> <occurred, epoch seconds[.nanos]> <trigger event id>"}.
 * The rest of the event (the new tier, the policy, the window and lifetime figures, the traits,
 * the contributors) is the state's own fields, so the entry stays a few dozen bytes: under
 * Redis's {@code hash-max-listpack-value} (64), where a JSON entry of ~270 bytes turned its hash
 * into a hashtable (measured with redis-benchmark: the commit of a new customer 12–17 µs with a
 * JSON outbox hash, 7 µs without; docs/scoring-service.md).
 *
 * <p>That holds only while the state still shows what the event reports. Whenever a commit
 * writes a state, every entry it carries is checked: an entry {@link #derive} rebuilds exactly
 * stays compact, any other (a second change in the same batch, a later event in the batch, a
 * commit on top of an entry whose publication failed) is written whole, as JSON, into the
 * customer's outbox hash ({@link LedgerKeys#outbox}) and leaves the state. So an entry is always
 * the same event, wherever it is read from.
 */
public final class PendingChanges {

    /** How many of the top contributors a tier change names. */
    static final int CONTRIBUTORS_IN_EVENT = 3;

    private PendingChanges() {
    }

    /** The pending tier changes a stored state hash holds, version → entry fields (as the outbox's JSON would hold them). */
    public static Map<String, Map<String, String>> in(Map<String, String> stateHash) {
        CustomerState st = new CustomerState(stateHash);
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        st.pending.forEach((version, compact) -> entries.put(Long.toString(version), derive(st, version, compact)));
        return entries;
    }

    /** The field that holds the pending tier change {@code version} in the state hash. */
    public static String field(String version) {
        return CustomerState.PENDING + version;
    }

    /**
     * Adds the removal of published tier changes: those of {@code versions} in {@code whole} from
     * the customer's outbox hash, the others (compact) from its state hash.
     */
    public static void drop(AbstractPipeline pipeline, String customerId, Collection<String> versions,
            Set<String> whole) {
        String[] compact = versions.stream().filter(v -> !whole.contains(v)).map(PendingChanges::field)
                .toArray(String[]::new);
        if (compact.length > 0) {
            pipeline.hdel(LedgerKeys.state(customerId), compact);
        }
        String[] hashed = versions.stream().filter(whole::contains).toArray(String[]::new);
        if (hashed.length > 0) {
            pipeline.hdel(LedgerKeys.outbox(customerId), hashed);
        }
    }

    /** The compact form of an entry; whether it may be stored so is for {@link #derive} to say. */
    static String compact(Map<String, String> entry) {
        return compact(entry.get("prev"), entry.get("wd"), Timestamps.parse(entry.get("occ")), entry.get("trig"));
    }

    /** The compact form of a change from {@code previousTier} ("" for none), in a window of {@code windowDays}. */
    static String compact(String previousTier, String windowDays, Instant occurred, String trigger) {
        StringBuilder out = new StringBuilder(64).append(previousTier.isEmpty() ? "-" : previousTier).append(' ')
                .append(windowDays).append(' ').append(occurred.getEpochSecond());
        if (occurred.getNano() != 0) {
            String nanos = Integer.toString(occurred.getNano());
            out.append('.').append("000000000", nanos.length(), 9).append(nanos);
        }
        return out.append(' ').append(trigger).toString();
    }

    /** The entry a compact form denotes, the rest taken from {@code st}. */
    static Map<String, String> derive(CustomerState st, long version, String compact) {
        String[] p = compact.split(" ", 4);
        int dot = p[2].indexOf('.');
        Instant occurred = dot < 0 ? Instant.ofEpochSecond(Long.parseLong(p[2]))
                : Instant.ofEpochSecond(Long.parseLong(p[2].substring(0, dot)), Long.parseLong(p[2].substring(dot + 1)));
        return entry(st, version, "-".equals(p[0]) ? "" : p[0], p[1], p[3], occurred.toString());
    }

    /** A tier change's entry fields: the state's figures now, and what the state does not hold. */
    static Map<String, String> entry(CustomerState st, long version, String previousTier, String windowDays,
            String trigger, String occurred) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("v", Long.toString(version));
        entry.put("prev", previousTier);
        entry.put("new", st.tier);
        entry.put("pol", st.policy);
        entry.put("wd", windowDays);
        entry.put("wr", Long.toString(st.window[0]));
        entry.put("wg", Long.toString(st.window[1]));
        entry.put("ws", Long.toString(st.window[2]));
        entry.put("lr", Long.toString(st.lifetime[0]));
        entry.put("lg", Long.toString(st.lifetime[1]));
        entry.put("ls", Long.toString(st.lifetime[2]));
        entry.put("traits", st.traits);
        entry.put("trig", trigger);
        entry.put("occ", occurred);
        List<String> top = st.contributors.subList(0, Math.min(CONTRIBUTORS_IN_EVENT, st.contributors.size()));
        entry.put("contrib", String.join("\n", top));
        return entry;
    }

    /**
     * Decides where each of {@code outbox}'s entries is stored by the commit of {@code st}: compact
     * in the state when {@link #derive} gives it back exactly, else whole in the outbox hash.
     * {@code fresh} (version → compact form) are entries known to match {@code st} without the
     * check: made by the last command that moved the state (the commonest case, and the check
     * costs a map of strings per entry). Sets {@code st.pending}; returns the entries to write whole.
     */
    static Map<String, Map<String, String>> settle(CustomerState st, Map<String, Map<String, String>> outbox,
            Map<String, String> fresh) {
        Map<String, Map<String, String>> whole = new LinkedHashMap<>();
        st.pending.clear();
        outbox.forEach((version, entry) -> {
            long v = Long.parseLong(version);
            String known = fresh.get(version);
            if (known != null) {
                st.pending.put(v, known);
                return;
            }
            String compact = compact(entry);
            if (derive(st, v, compact).equals(entry)) {
                st.pending.put(v, compact);
            } else {
                whole.put(version, entry);
            }
        });
        return whole;
    }
}
