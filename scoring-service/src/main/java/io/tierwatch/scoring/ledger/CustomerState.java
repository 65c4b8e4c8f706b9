package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's state hash, parsed. Field names are the stored layout (docs/scoring-service.md):
 * scalars, {@code m:<yyyy-MM>} month revenues, {@code d:<epochDay>} window buckets ("r g s o t"),
 * {@code wm:<topic>:<partition>} offset watermarks, {@code c:<eventId>} top contributors, and
 * {@code rev}, the write counter the
 * commit compares and bumps. {@link #changes} diffs against the fields as read, so only what
 * changed is written.
 */
final class CustomerState {

    static final String MONTH = "m:";
    static final String DAY = "d:";
    static final String WATERMARK = "wm:";
    /** {@code c:<eventId>} → {@code day|kind|reference|occurredAt|impact}: a top contributor. */
    static final String CONTRIBUTOR = "c:";
    private static final String[] LIFE = {"lr", "lg", "ls", "lo", "lt"};
    private static final String[] WIN = {"wr", "wg", "ws", "wo", "wt"};

    final Map<String, String> read;
    final long[] lifetime = new long[5];
    final long[] window = new long[5];
    final TreeMap<String, Long> months = new TreeMap<>();
    final TreeMap<Long, long[]> buckets = new TreeMap<>();
    final Map<String, Long> watermarks = new HashMap<>();
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
        this.contributors = contributorsOf(fields);
        long revision = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String f = e.getKey();
            String v = e.getValue();
            if (f.startsWith(DAY)) {
                buckets.put(Long.parseLong(f.substring(DAY.length())), unpack(v));
            } else if (f.startsWith(MONTH)) {
                months.put(f.substring(MONTH.length()), Long.parseLong(v));
            } else if (f.startsWith(WATERMARK)) {
                watermarks.put(f, Long.parseLong(v));
            } else if (f.startsWith(CONTRIBUTOR)) {
                continue; // read by contributorsOf
            } else {
                switch (f) {
                    case "pr" -> previousWindowRevenue = Long.parseLong(v);
                    case "asof" -> asOf = Long.valueOf(v);
                    case "first" -> first = Long.valueOf(v);
                    case "last" -> last = Long.valueOf(v);
                    case "since" -> since = Long.valueOf(v);
                    case "name" -> name = v;
                    case "owner" -> owner = v;
                    case "strat" -> strategic = "1".equals(v);
                    case "tier" -> tier = v;
                    case "ver" -> version = Long.parseLong(v);
                    case "pol" -> policy = v;
                    case "traits" -> traits = v;
                    case "rev" -> revision = Long.parseLong(v);
                    default -> figure(f, v);
                }
            }
        }
        this.rev = revision;
    }

    private void figure(String field, String value) {
        for (int k = 0; k < 5; k++) {
            if (LIFE[k].equals(field)) {
                lifetime[k] = Long.parseLong(value);
            } else if (WIN[k].equals(field)) {
                window[k] = Long.parseLong(value);
            }
        }
    }

    /** The fields as they should be stored now, {@code rev} bumped. */
    Map<String, String> fields() {
        Map<String, String> out = new HashMap<>(read.size() + 8);
        for (int k = 0; k < 5; k++) {
            putNonZero(out, LIFE[k], lifetime[k]);
            putNonZero(out, WIN[k], window[k]);
        }
        putNonZero(out, "pr", previousWindowRevenue);
        put(out, "asof", asOf);
        put(out, "first", first);
        put(out, "last", last);
        put(out, "since", since);
        put(out, "name", name);
        put(out, "owner", owner);
        if (strategic) {
            out.put("strat", "1");
        }
        put(out, "tier", tier);
        putNonZero(out, "ver", version);
        put(out, "pol", policy);
        if (!traits.isEmpty()) {
            out.put("traits", traits);
        }
        months.forEach((month, revenue) -> out.put(MONTH + month, Long.toString(revenue)));
        buckets.forEach((day, amounts) -> out.put(DAY + day, pack(amounts)));
        watermarks.forEach((field, offset) -> out.put(field, Long.toString(offset)));
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
        return new Changes(set, deleted);
    }

    record Changes(List<String> set, List<String> deleted) {
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
                int day = value.indexOf('|');
                members.add(value.substring(0, day) + '|' + field.substring(CONTRIBUTOR.length()) + value.substring(day));
            }
        });
        members.sort(RANKING);
        return members;
    }

    /** Like a sorted set by |impact| then member, both descending. */
    static final java.util.Comparator<String> RANKING = java.util.Comparator.comparingLong(CustomerState::impactOf)
            .thenComparing(java.util.Comparator.<String>naturalOrder()).reversed();

    static long impactOf(String member) {
        return Math.abs(Long.parseLong(member.substring(member.lastIndexOf('|') + 1)));
    }

    static long[] unpack(String packed) {
        String[] parts = packed.split(" ");
        long[] amounts = new long[5];
        for (int k = 0; k < 5; k++) {
            amounts[k] = Long.parseLong(parts[k]);
        }
        return amounts;
    }

    static String pack(long[] amounts) {
        return amounts[0] + " " + amounts[1] + " " + amounts[2] + " " + amounts[3] + " " + amounts[4];
    }
}
