import java.net.URI;
import java.util.*;
import redis.clients.jedis.*;

/**
 * Redis's cost of committing new customers two ways, alternating, each after FLUSHALL and CONFIG
 * RESETSTAT: redis/commit.lua by EVALSHA, one call per hash-tag group of a batch of 500 (as
 * RedisLedger does), against WATCH of the batch's keys, a pipelined HGET rev per customer (the
 * check a cached state needs), MULTI, one HSET per customer, EXEC. The state is a new customer's
 * first order as the ledger writes it (a pending tier change included). Prints µs per customer by
 * command; EVALSHA's and EXEC's usec include the commands inside them.
 * Usage: scoring-service/perf/ledger-load.sh --commit-alternatives [customers]
 */
public class CommitAlternatives {
  static String[] PAIRS = {"d:20784","10000 7000 0 1 0","a","20784 20784 20784","rev","1","traits","NEW","t","B 1 policy-1","w","10000 7000 0 1 0","wm:tierwatch.orders:0","0","c:e-ceil","20784|order|o-ceil|2026-11-27T12:01:32.255589044Z|3000","l","10000 7000 0 1 0","m:2026-11","10000","o:1","- 90 1795773600.123456789 0f8e2a4c-1d7b-4b7e-9a55-3c1d2e4f5a6b"};
  public static void main(String[] a) throws Exception {
    URI url = URI.create(a[0]);
    String script = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(a[1])));
    int n = Integer.parseInt(a[2]), batch = 500, groups = 64;
    try (Jedis j = new Jedis(url.getHost(), url.getPort())) {
      String sha = j.scriptLoad(script);
      for (String variant : new String[]{"evalsha", "multi", "evalsha", "multi"}) {
        j.flushAll(); j.configResetStat();
        long t0 = System.nanoTime();
        for (int b = 0; b < n; b += batch) {
          Map<Integer, List<String>> byGroup = new TreeMap<>();
          for (int i = b; i < b + batch; i++) byGroup.computeIfAbsent(i % groups, g -> new ArrayList<>()).add(variant + "-c" + i);
          if (variant.equals("evalsha")) {
            Pipeline p = j.pipelined();
            for (List<String> g : byGroup.values()) {
              List<String> keys = new ArrayList<>(), argv = new ArrayList<>();
              for (String c : g) {
                keys.add("tw:{g}:" + c + ":s"); keys.add("tw:{g}:" + c + ":o");
                argv.add(""); argv.add("11"); argv.add("0"); argv.add("0"); argv.addAll(Arrays.asList(PAIRS));
              }
              p.evalsha(sha, keys, argv);
            }
            p.sync();
          } else {
            List<String> keys = new ArrayList<>();
            for (List<String> g : byGroup.values()) for (String c : g) keys.add("tw:{g}:" + c + ":s");
            j.watch(keys.toArray(String[]::new));
            Pipeline p = j.pipelined();               // the rev check the cache needs (here: every customer)
            for (String k : keys) p.hget(k, "rev");
            p.sync();
            Transaction t = j.multi();
            for (String k : keys) t.hset(k, toMap());
            List<Object> r = t.exec();
            if (r == null) throw new IllegalStateException("aborted");
          }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String stats = j.info("commandstats");
        long usec = 0; StringBuilder per = new StringBuilder();
        for (String line : stats.split("\r?\n")) {
          if (!line.startsWith("cmdstat_")) continue;
          String name = line.substring(8, line.indexOf(':'));
          long u = Long.parseLong(line.replaceAll(".*,usec=(\\d+),.*", "$1"));
          long calls = Long.parseLong(line.replaceAll(".*calls=(\\d+),.*", "$1"));
          if (name.equals("flushall") || name.equals("config") || name.equals("script")) continue;
          boolean inner = name.equals("hset") || (variant.equals("evalsha") && name.equals("hget"));
          if (!inner) usec += u;
          per.append(String.format(" %s %.2f", name, u / (double) n));
        }
        System.out.printf("%-8s %d customers in %d ms: Redis %.2f us per customer (per command:%s)%n", variant, n, ms, usec / (double) n, per);
      }
    }
  }
  static Map<String,String> toMap() { Map<String,String> m = new LinkedHashMap<>(); for (int i = 0; i < PAIRS.length; i += 2) m.put(PAIRS[i], PAIRS[i+1]); return m; }
}
