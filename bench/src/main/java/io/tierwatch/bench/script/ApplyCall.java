package io.tierwatch.bench.script;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;

/**
 * THE ONE PLACE THAT KNOWS THE APPLY SCRIPT'S CONTRACT (scoring-service
 * {@code src/main/resources/redis/apply.lua}, {@code ledger/LedgerKeys}, {@code ledger/ApplyScript},
 * {@code ledger/ScriptSettings}). The naive baseline, the redis-benchmark ceiling and the memory
 * samples build their KEYS and ARGV here; when the script's contract changes, only this class does.
 */
public final class ApplyCall {

    /** scoring-service's key prefix; a customer's keys share the hash tag {customerId}. */
    static final String PREFIX = "tw:score:";
    /** KEYS suffixes in the order the script reads them: state (with months), day buckets, contributors, outbox, history. */
    private static final List<String> KEY_PARTS = List.of("s", "b", "t", "o", "h");
    /**
     * ARGV 20..33, the defaults of scoring-service.yml: window days, A threshold, A band, over-served %,
     * over-served band %, loss exit band, policy version, contributors kept, new / loyal / active days,
     * BIG revenue, POTENTIAL growth %, history kept. Money in minor units.
     */
    static final List<String> SETTINGS = List.of("90", "100000", "10000", "50", "10", "5000", "policy-1", "5",
            "30", "365", "90", "1000000", "20", "10");

    private static final Pattern KEY_USE = Pattern.compile("KEYS\\[(\\d+)]");
    private static final Pattern ARG_USE = Pattern.compile("ARGV\\[(\\d+)]");

    private ApplyCall() {
    }

    /**
     * Fails the run at once when the script reads more (or fewer) KEYS or ARGV than this class
     * sends: the sign that the contract changed and this class must follow.
     */
    public static void verify(String script) {
        int keys = highest(KEY_USE, script);
        int args = highest(ARG_USE, script);
        if (keys != KEY_PARTS.size() || args != 19 + SETTINGS.size()) {
            throw new IllegalStateException("apply.lua reads KEYS[1.." + keys + "] and ARGV[1.." + args + "], but "
                    + "bench/src/main/java/io/tierwatch/bench/script/ApplyCall.java sends " + KEY_PARTS.size()
                    + " keys and " + (19 + SETTINGS.size()) + " args: update ApplyCall to the script's contract");
        }
    }

    private static int highest(Pattern pattern, String script) {
        Matcher m = pattern.matcher(script);
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    public static List<String> keys(String customerId) {
        return KEY_PARTS.stream().map(part -> PREFIX + "{" + customerId + "}:" + part).toList();
    }

    /** The glob that matches every key of one customer. */
    public static String keyPattern(String customerId) {
        return PREFIX + "{" + customerId + "}:*";
    }

    /** The glob of the service's global indexes (by tier, by owner, by window expiry). */
    public static String indexPattern() {
        return PREFIX + "idx:*";
    }

    /** One script call: its KEYS and ARGV. */
    public record Call(List<String> keys, List<String> argv) {
    }

    /**
     * The call for the {@code offset}-th event of a stream replayed without Kafka: the partition
     * follows the key (3 partitions) and the offset grows, so the watermark lets every event through.
     */
    public static Call of(EventEnvelope<?> event, long offset) {
        int partition = Math.floorMod(event.subject().hashCode(), 3);
        return new Call(keys(event.subject()), argv(event, event.type().defaultTopic(), partition, offset));
    }

    /** ARGV for a business event read from {@code topic}/{@code partition} at {@code offset}. */
    public static List<String> argv(EventEnvelope<?> event, String topic, int partition, long offset) {
        Delta d = Delta.of(event.data());
        LocalDate day = LocalDate.ofInstant(d.occurredAt, ZoneOffset.UTC);
        List<String> argv = new ArrayList<>(33);
        argv.addAll(List.of("event", "wm:" + topic + ":" + partition, String.valueOf(offset), "",
                event.id(), String.valueOf(day.toEpochDay()), d.occurredAt.toString(), d.kind, d.reference,
                String.valueOf(d.revenue), String.valueOf(d.costOfGoods), String.valueOf(d.costToServe),
                String.valueOf(d.orders), String.valueOf(d.tickets), day.toString().substring(0, 7),
                "", "", "", "0"));
        argv.addAll(SETTINGS);
        return argv;
    }

    /** What one event adds, computed with the contracts' own arithmetic as scoring-service's Delta does. */
    private record Delta(String kind, String reference, java.time.Instant occurredAt, long revenue, long costOfGoods,
            long costToServe, int orders, int tickets) {

        static Delta of(Object data) {
            if (data instanceof OrderPlaced o) {
                return new Delta("order", o.orderId(), o.occurredAt(), o.revenue().minorUnits(),
                        o.costOfGoods().minorUnits(), 0, 1, 0);
            }
            if (data instanceof OrderLinesReturned r) {
                return new Delta("return", r.returnId(), r.occurredAt(), r.revenueChange().minorUnits(),
                        r.costOfGoodsChange().minorUnits(), 0, 0, 0);
            }
            ServiceTicketClosed t = (ServiceTicketClosed) data;
            return new Delta("ticket", t.ticketId(), t.occurredAt(), 0, 0, t.netCostToServe().minorUnits(), 0, 1);
        }
    }
}
