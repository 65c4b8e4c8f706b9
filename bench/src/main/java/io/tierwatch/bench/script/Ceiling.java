package io.tierwatch.bench.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;

/**
 * What Redis alone can do with the apply script on this machine: {@code redis-benchmark}
 * sending EVALSHA of one order with pipelining. redis-benchmark (7.0) replaces every
 * {@code __rand_int__} with its own random number, so each call's keys belong to random
 * customers and its offset is random: mostly the first-event path of a new customer, the
 * costlier half of the real mix. The event day is fixed, so no window buckets age here.
 */
public final class Ceiling {

    private static final Pattern RPS = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

    /** Requests per second redis-benchmark reports. */
    public record Result(double perSecond, List<String> command) {
    }

    private Ceiling() {
    }

    public static Result run(String host, int port, String sha, long requests, int keyspace, int clients,
            int pipeline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", String.valueOf(port),
                "-n", String.valueOf(requests), "-r", String.valueOf(keyspace), "-c", String.valueOf(clients),
                "-P", String.valueOf(pipeline), "-q", "EVALSHA", sha));
        String customer = "ceil-__rand_int__";
        List<String> keys = ApplyCall.keys(customer);
        command.add(String.valueOf(keys.size()));
        command.addAll(keys);
        Instant now = Instant.now();
        OrderPlaced order = new OrderPlaced("o-ceil", customer, now, "EUR",
                List.of(new OrderLine("sku", 2, Money.ofMinor(5_000), Money.ofMinor(3_500), Money.ZERO)), Money.ZERO);
        List<String> argv = new ArrayList<>(ApplyCall.argv(EventEnvelope.of("ceil-__rand_int__",
                java.net.URI.create("urn:tierwatch:bench"), now, customer, order), "tierwatch.orders", 0, 0));
        argv.set(2, "__rand_int__"); // the offset: a fixed one would be skipped by the watermark on every revisit
        command.addAll(argv);
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
