package io.tierwatch.bench.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.RedisLedger;
import redis.clients.jedis.Jedis;

/**
 * What Redis alone can do with scoring-service's commit script on this machine:
 * {@code redis-benchmark} sending, pipelined, the EVALSHA the ledger sends for a new customer's
 * first order ({@link RedisLedger#firstCommit}). redis-benchmark replaces every
 * {@code __rand_int__} (in the keys, and in the argv wherever the id appears) with its own random number below the
 * keyspace, so each call writes a new customer; the keyspace is far larger than the request count
 * because a customer hit twice fails the rev check and returns -1 early, which would flatter the
 * ceiling. Only the commit runs here: no read of the customer, no Java, no index writes.
 */
public final class Ceiling {

    /** The customer id of every call; redis-benchmark substitutes the placeholder. */
    static final String CUSTOMER = "ceil-__rand_int__";
    /** Keyspace per request: a random customer comes up twice in about 1 call in 100 at the end of the run. */
    static final long KEYSPACE_PER_REQUEST = 100;

    private static final Pattern RPS = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

    /** Requests per second redis-benchmark reports, and the command that ran. */
    public record Result(double perSecond, List<String> command) {
    }

    private Ceiling() {
    }

    /** The KEYS and ARGV of the commit, the customer id still the placeholder. */
    public static List<List<String>> firstCommit(Instant at) {
        OrderPlaced order = new OrderPlaced("o-ceil", CUSTOMER, at, "EUR",
                List.of(new OrderLine("sku", 2, Money.ofMinor(5_000), Money.ofMinor(3_500), Money.ZERO)), Money.ZERO);
        return RedisLedger.firstCommit(Ledger.SETTINGS,
                LedgerCommand.event(CUSTOMER, Topics.ORDERS, 0, 0, "e-ceil", Delta.of(order)));
    }

    /** The redis-benchmark command line (-r: {@value #KEYSPACE_PER_REQUEST}× the requests, at most int's range). */
    public static List<String> command(String host, int port, String sha, long requests, int clients, int pipeline,
            List<List<String>> commit) {
        long keyspace = Math.min(Integer.MAX_VALUE, KEYSPACE_PER_REQUEST * requests);
        List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", String.valueOf(port),
                "-n", String.valueOf(requests), "-r", String.valueOf(keyspace), "-c", String.valueOf(clients),
                "-P", String.valueOf(pipeline), "-q", "EVALSHA", sha, String.valueOf(commit.get(0).size())));
        command.addAll(commit.get(0));
        command.addAll(commit.get(1));
        return command;
    }

    /**
     * Sends the commit twice for one customer ({@code ceil-probe}) before the benchmark: the first
     * must write, the second must fail the rev check (-1). Returns how many keys one first commit
     * creates, so the DBSIZE after the benchmark tells how many calls wrote; the probe's keys are deleted.
     */
    public static int probe(String host, int port, String sha, List<List<String>> commit) {
        List<String> keys = commit.get(0).stream().map(Ceiling::probeId).toList();
        List<String> argv = commit.get(1).stream().map(Ceiling::probeId).toList();
        try (Jedis jedis = new Jedis(host, port)) {
            // the commit script answers one figure per customer it was given: here one
            Object first = only(jedis.evalsha(sha, keys, argv));
            Object second = only(jedis.evalsha(sha, keys, argv));
            if (!(first instanceof Long written) || written < 0 || !Long.valueOf(-1).equals(second)) {
                throw new IllegalStateException("the ceiling's commit answered " + first + " then " + second
                        + " (expected a size, then -1 for the rev conflict): RedisLedger.firstCommit changed?");
            }
            // the probe customer's keys only: the first key is its group's state epoch marker, which the
            // commit reads (here unchecked) and never writes, and a running scoring-service's may be there
            List<String> customerKeys = keys.stream().filter(k -> k.contains("ceil-probe")).toList();
            int created = (int) customerKeys.stream().filter(jedis::exists).count();
            jedis.del(customerKeys.toArray(String[]::new));
            return created;
        }
    }

    private static Object only(Object reply) {
        return reply instanceof List<?> list && list.size() == 1 ? list.get(0) : reply;
    }

    private static String probeId(String value) {
        return value.replace("__rand_int__", "probe");
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("redis-benchmark failed: " + output);
        }
        Matcher m = RPS.matcher(output);
        double rps = -1;
        while (m.find()) {
            rps = Double.parseDouble(m.group(1));
        }
        if (rps < 0 || output.contains("ERR") || output.contains("NOSCRIPT")) {
            throw new IllegalStateException("redis-benchmark gave no rate: " + output);
        }
        return new Result(rps, command);
    }
}
