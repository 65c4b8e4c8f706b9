import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis's cost of a new customer's state three ways, alternating, each after FLUSHALL: as the
 * ledger stores it (a listpack hash written by redis/commit.lua, its pending tier change a field,
 * HDEL once published), as one string (the same fields in one value, rev first; the script checks
 * the rev with GETRANGE and writes with SET; the pending change inside, so no clean-up is possible
 * but a rewrite), and as one string with the pending change in a small hash of its own (HSET in the
 * script, HDEL once published). Each customer is then read back once (HGETALL or GET). Prints µs per
 * customer by command (EVALSHA's usec include the commands inside it) and bytes per customer.
 * Usage: scoring-service/perf/ledger-load.sh --layout-alternatives [customers]
 */
public class LayoutAlternatives {
  /** A first order's state fields as the ledger writes them, pending tier change (o:1) included. */
  static final String[] PAIRS = {"d:20784", "10000 7000 0 1 0", "a", "20784 20784 20784", "rev", "1", "traits", "NEW",
      "t", "B 1 policy-1", "w", "10000 7000 0 1 0", "wm:tierwatch.orders:0", "0",
      "c:e-ceil", "20784|order|o-ceil|2026-11-27T12:01:32.255589044Z|3000", "l", "10000 7000 0 1 0",
      "m:2026-11", "10000", "o:1", "- 90 1795773600.123456789 0f8e2a4c-1d7b-4b7e-9a55-3c1d2e4f5a6b"};

  static final String STRING_SCRIPT = """
      local results = {}
      for c = 1, #KEYS / 2 do
        local S, O = KEYS[2 * c - 1], KEYS[2 * c]
        local a = 4 * c - 3
        local head = redis.call('GETRANGE', S, 0, 19)
        local nl = string.find(head, '\\n', 1, true)
        if (nl and string.sub(head, 1, nl - 1) or '') ~= ARGV[a] then
          results[c] = -1
        else
          redis.call('SET', S, ARGV[a + 1])
          if ARGV[a + 2] ~= '' then redis.call('HSET', O, ARGV[a + 2], ARGV[a + 3]) end
          results[c] = 0
        end
      end
      return results
      """;

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    String hashScript = Files.readString(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    int batch = 500;
    int groups = 64;
    StringBuilder whole = new StringBuilder("1\n");
    StringBuilder withoutPending = new StringBuilder("1\n");
    for (int i = 0; i < PAIRS.length; i += 2) {
      if (!PAIRS[i].equals("rev")) {
        whole.append(PAIRS[i]).append('\u001f').append(PAIRS[i + 1]).append('\n');
        if (!PAIRS[i].startsWith("o:")) {
          withoutPending.append(PAIRS[i]).append('\u001f').append(PAIRS[i + 1]).append('\n');
        }
      }
    }
    try (Jedis j = new Jedis(url.getHost(), url.getPort())) {
      String hashSha = j.scriptLoad(hashScript);
      String stringSha = j.scriptLoad(STRING_SCRIPT);
      for (int round = 0; round < 3; round++) {
        for (String layout : List.of("hash", "string", "string+outbox")) {
          j.flushAll();
          j.configResetStat();
          long mem0 = usedMemory(j);
          for (int b = 0; b < n; b += batch) {
            Map<Integer, List<String>> byGroup = new TreeMap<>();
            for (int i = b; i < Math.min(n, b + batch); i++) {
              byGroup.computeIfAbsent(i % groups, g -> new ArrayList<>()).add("c" + i);
            }
            Pipeline p = j.pipelined();
            for (List<String> group : byGroup.values()) {
              List<String> keys = new ArrayList<>();
              List<String> argv = new ArrayList<>();
              for (String c : group) {
                keys.add("tw:score:{g1}:" + c + ":s");
                keys.add("tw:score:{g1}:" + c + ":o");
                switch (layout) {
                  case "hash" -> {
                    argv.addAll(List.of("", "11", "0", "0"));
                    argv.addAll(Arrays.asList(PAIRS));
                  }
                  case "string" -> argv.addAll(List.of("", whole.toString(), "", ""));
                  default -> argv.addAll(List.of("", withoutPending.toString(), "1", PAIRS[PAIRS.length - 1]));
                }
              }
              p.evalsha(layout.equals("hash") ? hashSha : stringSha, keys, argv);
            }
            p.sync();
          }
          String commit = perCustomer(j, n);
          long bytesPublished = (usedMemory(j) - mem0) / n;
          j.configResetStat();
          if (!layout.equals("string")) {
            // the clean-up once Kafka has the change (a string cannot lose a part without a rewrite)
            for (int b = 0; b < n; b += batch) {
              Pipeline p = j.pipelined();
              for (int i = b; i < Math.min(n, b + batch); i++) {
                if (layout.equals("hash")) {
                  p.hdel("tw:score:{g1}:c" + i + ":s", "o:1");
                } else {
                  p.hdel("tw:score:{g1}:c" + i + ":o", "1");
                }
              }
              p.sync();
            }
          }
          String cleanUp = perCustomer(j, n);
          long bytes = (usedMemory(j) - mem0) / n;
          j.configResetStat();
          for (int b = 0; b < n; b += batch) {
            Pipeline p = j.pipelined();
            for (int i = b; i < Math.min(n, b + batch); i++) {
              String key = "tw:score:{g1}:c" + i + ":s";
              if (layout.equals("hash")) {
                p.hgetAll(key);
              } else {
                p.get(key);
              }
            }
            p.sync();
          }
          System.out.printf("%-14s commit [%s] clean-up [%s] read [%s] bytes/customer %d pending, %d after%n", layout,
              commit, cleanUp.isEmpty() ? "none" : cleanUp, perCustomer(j, n), bytesPublished, bytes);
        }
      }
    }
  }

  static long usedMemory(Jedis j) {
    for (String line : j.info("memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    throw new IllegalStateException("no used_memory in INFO memory");
  }

  /** µs per customer by command since the last CONFIG RESETSTAT, the harness's own commands left out. */
  static String perCustomer(Jedis j, int n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : j.info("commandstats").split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      String name = line.substring("cmdstat_".length(), line.indexOf(':'));
      if (name.startsWith("config") || name.startsWith("script") || name.equals("info") || name.equals("flushall")) {
        continue;
      }
      long usec = Long.parseLong(line.replaceAll(".*,usec=(\\d+),.*", "$1"));
      out.put(name, String.format("%.2f", usec / (double) n));
    }
    return out.toString().replaceAll("[{}]", "");
  }
}
