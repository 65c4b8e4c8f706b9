package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's state hash, parsed. Field names are the stored layout (docs/scoring-service.md):
 * scalars, {@code m:<yyyy-MM>} months ("revenue profit"; a lone revenue was written before months kept
 * their profit, see {@link #month}), {@code d:<epochDay>} window buckets ("r g s o t"),
 * {@code wm:<topic>:<partition>} offset watermarks, {@code c:<eventId>} top contributors,
 * {@code o:<version>} tier changes awaiting publication, and {@code rev}, the write counter the
 * commit compares and bumps. {@link #changes} diffs against the fields as read, so only what
 * changed is written.
 */
final class CustomerState {

    static final String MONTH = "m:";
    static final String DAY = "d:";
    static final String WATERMARK = "wm:";
    /** {@code c:<eventId>} → {@code day|kind|reference|occurredAt|impact}: a top contributor. */
    static final String CONTRIBUTOR = "c:";
    /** {@code o:<version>} → a tier change committed and not yet acknowledged by Kafka ({@link PendingChanges}). */
    static final String PENDING = "o:";
    /** Packed fields: {@code l} = "lr lg ls lo lt", {@code w} = "wr wg ws wo wt", {@code t} = "tier ver pol", {@code a} = "asof first last". */
    private static final String[] LIFE = {"lr", "lg", "ls", "lo", "lt"};
    private static final String[] WIN = {"wr", "wg", "ws", "wo", "wt"};
    private static final String[] TIER = {"tier", "ver", "pol"};
    private static final String[] DAYS = {"asof", "first", "last"};
    private static final String NONE = "-";

    final Map<String, String> read;
    final long[] lifetime = new long[5];
    final long[] window = new long[5];
    /** Month → {revenue, profit, 1 when the profit is known (0: a month stored as revenue only)}. */
    final TreeMap<String, long[]> months = new TreeMap<>();
    final TreeMap<Long, long[]> buckets = new TreeMap<>();
    final Map<String, Long> watermarks = new HashMap<>();
    /** Tier changes awaiting publication, kept in compact form: version → {@link PendingChanges#compact}. */
    final TreeMap<Long, String> pending = new TreeMap<>();
    long previousWindowRevenue;
    Long asOf;
    Long first;
    Long last;
    Long since;
    String name;
    String owner;
    boolean strategic;
    String tier;
    long version;
    String policy;
    String traits = "";
    final long rev;
    /** Top contributors as members {@code day|eventId|kind|reference|occurredAt|impact}, best first. */
    List<String> contributors;

    CustomerState(Map<String, String> fields) {
        this.read = fields;
        List<String> members = new ArrayList<>(5);
        long revision = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String f = e.getKey();
            String v = e.getValue();
            if (f.startsWith(DAY)) {
                buckets.put(Long.parseLong(f, DAY.length(), f.length(), 10), unpack(v));
            } else if (f.startsWith(MONTH)) {
                months.put(f.substring(MONTH.length()), month(v));
            } else if (f.startsWith(WATERMARK)) {
                watermarks.put(f, Long.parseLong(v));
            } else if (f.startsWith(CONTRIBUTOR)) {
                members.add(member(f, v));
            } else if (f.startsWith(PENDING)) {
                pending.put(Long.parseLong(f, PENDING.length(), f.length(), 10), v);
            } else {
                switch (f) {
                    case "l" -> unpackInto(v, lifetime);
                    case "w" -> unpackInto(v, window);
                    case "t" -> {
                        String[] t = v.split(" ", 3);
                        tier = t[0];
                        version = Long.parseLong(t[1]);
                        policy = t[2];
                    }
                    case "a" -> {
                        String[] a = v.split(" ");
                        asOf = day(a[0]);
                        first = day(a[1]);
                        last = day(a[2]);
                    }
                    case "pr" -> previousWindowRevenue = Long.parseLong(v);
                    case "since" -> since = Long.valueOf(v);
                    case "name" -> name = v;
                    case "owner" -> owner = v;
                    case "strat" -> strategic = "1".equals(v);
                    case "traits" -> traits = v;
                    case "rev" -> revision = Long.parseLong(v);
                    default -> {
                        // a field of no current meaning: dropped by the next commit
                    }
                }
            }
        }
        this.rev = revision;
        members.sort(RANKING);
        this.contributors = members;
    }

    private static Long day(String value) {
        return NONE.equals(value) ? null : Long.valueOf(value);
    }

    private static String day(Long value) {
        return value == null ? NONE : value.toString();
    }

    private static void unpackInto(String packed, long[] into) {
        long[] values = unpack(packed);
        System.arraycopy(values, 0, into, 0, 5);
    }

    /**
     * A stored state hash with its packed fields spelled out under their own names ({@code lr} …
     * {@code lt}, {@code wr} … {@code wt}, {@code tier ver pol}, {@code asof first last}); other
     * fields as they are. What readers (the query API, tests) use.
     */
    static Map<String, String> expanded(Map<String, String> stored) {
        Map<String, String> out = new HashMap<>(stored);
        spell(out, "l", LIFE);
        spell(out, "w", WIN);
        spell(out, "t", TIER);
        spell(out, "a", DAYS);
        return out;
    }

    private static void spell(Map<String, String> out, String packed, String[] names) {
        String value = out.remove(packed);
        if (value == null) {
            return;
        }
        String[] parts = value.split(" ");
        for (int i = 0; i < names.length; i++) {
            if (!NONE.equals(parts[i])) {
                out.put(names[i], parts[i]);
            }
        }
    }

    /** The fields as they should be stored now, {@code rev} bumped. */
    Map<String, String> fields() {
        Map<String, String> out = new HashMap<>(read.size() + 8);
        out.put("l", pack(lifetime));
        out.put("w", pack(window));
        putNonZero(out, "pr", previousWindowRevenue);
        if (asOf != null || first != null || last != null) {
            out.put("a", day(asOf) + " " + day(first) + " " + day(last));
        }
        put(out, "since", since);
        put(out, "name", name);
        put(out, "owner", owner);
        if (strategic) {
            out.put("strat", "1");
        }
        if (tier != null) {
            out.put("t", tier + " " + version + " " + policy);
        }
        if (!traits.isEmpty()) {
            out.put("traits", traits);
        }
        // a value as read is kept when it still says the same (most buckets, months and watermarks
        // of a large customer): no string built for it, and the diff below finds it by identity
        months.forEach((month, figures) -> {
            String field = MONTH + month;
            String was = read.get(field);
            out.put(field, was != null && Arrays.equals(month(was), figures) ? was : month(figures));
        });
        buckets.forEach((day, amounts) -> {
            String field = DAY + day;
            String was = read.get(field);
            out.put(field, was != null && packs(was, amounts) ? was : pack(amounts));
        });
        watermarks.forEach((field, offset) -> {
            String was = read.get(field);
            out.put(field, was != null && isLong(was, offset) ? was : Long.toString(offset));
        });
        pending.forEach((version, compact) -> out.put(PENDING + version, compact));
        for (String member : contributors) {
            int day = member.indexOf('|');
            int id = member.indexOf('|', day + 1);
            out.put(CONTRIBUTOR + member.substring(day + 1, id), member.substring(0, day) + member.substring(id));
        }
        out.put("rev", Long.toString(rev + 1));
        return out;
    }

    /** Fields to set (name, value, ...) and to delete, against what was read. */
    Changes changes() {
        Map<String, String> now = fields();
        List<String> set = new ArrayList<>();
        now.forEach((field, value) -> {
            if (!value.equals(read.get(field))) {
                set.add(field);
                set.add(value);
            }
        });
        List<String> deleted = new ArrayList<>();
        read.keySet().forEach(field -> {
            if (!now.containsKey(field)) {
                deleted.add(field);
            }
        });
        return new Changes(set, deleted, now);
    }

    /** {@code stored}: every field as the hash holds it once the changes are written. */
    record Changes(List<String> set, List<String> deleted, Map<String, String> stored) {
    }

    private static void put(Map<String, String> out, String field, Object value) {
        if (value != null) {
            out.put(field, value.toString());
        }
    }

    private static void putNonZero(Map<String, String> out, String field, long value) {
        if (value != 0) {
            out.put(field, Long.toString(value));
        }
    }

    /** The contributors stored in a state hash, best first (by |impact|, then member, descending). */
    static List<String> contributorsOf(Map<String, String> fields) {
        List<String> members = new ArrayList<>(5);
        fields.forEach((field, value) -> {
            if (field.startsWith(CONTRIBUTOR)) {
                members.add(member(field, value));
            }
        });
        members.sort(RANKING);
        return members;
    }

    /** {@code c:<eventId>} → {@code day|...} stored; the member is {@code day|eventId|...}. */
    private static String member(String field, String value) {
        int day = value.indexOf('|');
        return value.substring(0, day) + '|' + field.substring(CONTRIBUTOR.length()) + value.substring(day);
    }

    /** Like a sorted set by |impact| then member, both descending. */
    static final java.util.Comparator<String> RANKING = java.util.Comparator.comparingLong(CustomerState::impactOf)
            .thenComparing(java.util.Comparator.<String>naturalOrder()).reversed();

    /** The member's |impact| (its last {@code |}-separated part), parsed in place: the ranking sorts by it. */
    static long impactOf(String member) {
        return Math.abs(Long.parseLong(member, member.lastIndexOf('|') + 1, member.length(), 10));
    }

    /**
     * A month field's value: "revenue profit", or a lone revenue as months were stored before they
     * kept their profit. Such a month stays revenue only (its profit unknown) when it grows, since
     * its costs were never kept; months begun since hold both.
     */
    static long[] month(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return new long[] {Long.parseLong(value), 0, 0};
        }
        return new long[] {Long.parseLong(value, 0, space, 10), Long.parseLong(value, space + 1, value.length(), 10), 1};
    }

    static String month(long[] figures) {
        return figures[2] == 0 ? Long.toString(figures[0]) : figures[0] + " " + figures[1];
    }

    static long[] unpack(String packed) {
        long[] amounts = new long[5];
        int from = 0;
        for (int k = 0; k < 5; k++) {
            int to = k == 4 ? packed.length() : packed.indexOf(' ', from);
            amounts[k] = Long.parseLong(packed, from, to, 10);
            from = to + 1;
        }
        return amounts;
    }

    /** Whether {@code packed} is {@link #pack}{@code (amounts)}, without building that string. */
    static boolean packs(String packed, long[] amounts) {
        int from = 0;
        for (int k = 0; k < 5; k++) {
            int to = k == 4 ? packed.length() : packed.indexOf(' ', from);
            if (to < 0 || !isLong(packed, from, to, amounts[k])) {
                return false;
            }
            from = to + 1;
        }
        return true;
    }

    private static boolean isLong(String text, long value) {
        return isLong(text, 0, text.length(), value);
    }

    /** Whether {@code text[from, to)} is {@code Long.toString(value)}: digits compared from the right, nothing parsed. */
    private static boolean isLong(String text, int from, int to, long value) {
        if (to <= from) {
            return false;
        }
        boolean negative = value < 0;
        if (negative != (text.charAt(from) == '-')) {
            return false;
        }
        int first = negative ? from + 1 : from;
        int i = to;
        long rest = value;
        do {
            if (--i < first || text.charAt(i) != (char) ('0' + Math.abs(rest % 10))) {
                return false;
            }
            rest /= 10;
        } while (rest != 0);
        return i == first;
    }

    static String pack(long[] amounts) {
        return amounts[0] + " " + amounts[1] + " " + amounts[2] + " " + amounts[3] + " " + amounts[4];
    }
}
