package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Applies a poll's commands in three steps: one pipeline reads the customers (HGETALL of each
 * state hash), Java applies the commands in order ({@link Applier}), and one pipeline commits the
 * changed customers with {@code redis/commit.lua}, one call per hash-tag group
 * ({@link LedgerKeys#group}), which writes a customer only if its {@code rev} is still the one
 * read. A customer written meanwhile (the window sweep, or a consumer that lost its partition and
 * does not know yet) is read and computed again. With a {@link StateCache}, a customer this
 * instance committed recently is not read at all: the rev check is what makes that safe. The offset
 * watermarks live in the state, so running a batch twice is harmless: the second run skips what
 * the first applied, and the outcomes (and so the indexes) come out the same.
 */
public final class RedisLedger {

    private static final int MAX_ATTEMPTS = 10;

    private final JedisPooled jedis;
    private final Applier applier;
    private final CommitScript script;
    private final AtomicLong rereads = new AtomicLong();
    private final StateCache cache;
    private final StateEpoch epoch;
    /** The epoch the cached states belong to. */
    private volatile String cachedEpoch;

    /** A ledger that reads every customer from Redis in every batch (no state cache). */
    public RedisLedger(JedisPooled jedis, LedgerSettings settings) {
        this(jedis, settings, 0);
    }

    /** A ledger of its own (a benchmark's, a test's): commits check no state epoch. */
    public RedisLedger(JedisPooled jedis, LedgerSettings settings, int cachedCustomers) {
        this(jedis, settings, cachedCustomers, null);
    }

    /**
     * {@code cachedCustomers}: how many customers' states to keep in memory after a commit, so a
     * customer met again is not read again ({@link StateCache}); 0 for none. {@code epoch}: every
     * commit writes only where Redis still holds that state epoch, else it throws
     * {@link StateLostException} and writes nothing.
     */
    public RedisLedger(JedisPooled jedis, LedgerSettings settings, int cachedCustomers, StateEpoch epoch) {
        this.epoch = epoch;
        this.jedis = jedis;
        this.applier = new Applier(settings);
        this.script = new CommitScript(jedis);
        this.cache = new StateCache(cachedCustomers);
    }

    /**
     * Applies and commits; the outcomes come one per command. When a command fails (an amount
     * overflow) the result names the first failed one; everything before it is committed, and so
     * are other customers' later commands (their watermarks skip them when redelivered).
     */
    public Result apply(List<LedgerCommand> commands) {
        Result result = commit(commands);
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            result.writeIndexes(pipeline);
            pipeline.sync();
        }
        return result;
    }

    /**
     * {@link #apply}, and the committed tier changes removed as scoring-service removes them once
     * Kafka acknowledged their events, in the same pipeline as the index writes: a poll's Redis
     * work, for callers that publish nothing (bench's references, perf/ledger-load.sh). Without the
     * removal each customer's next batch would find its last change still pending and write it whole.
     */
    public Result applyAsPublished(List<LedgerCommand> commands) {
        Result result = commit(commands);
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            result.writeIndexes(pipeline);
            result.committedEntries().forEach((customerId, entries) -> {
                PendingChanges.drop(pipeline, customerId, entries.keySet(),
                        result.wholeEntries().getOrDefault(customerId, Set.of()));
                entries.keySet().forEach(version -> published(customerId, Long.parseLong(version)));
            });
            pipeline.sync();
        }
        return result;
    }

    /**
     * {@link #apply} without the index writes: the caller adds them to a pipeline of its own with
     * {@link Result#writeIndexes} (scoring-service sends them with the outbox clean-up once Kafka
     * acknowledged the tier changes, one round trip less per poll). Until then the tier and owner
     * sets lag behind the states; a crash before they are written is repaired by the redelivered
     * records, which find themselves duplicates and rewrite their customers' entries.
     */
    public Result commit(List<LedgerCommand> commands) {
        if (commands.isEmpty()) {
            return new Result(List.of(), null, Map.of(), Map.of(), new Steps(0, 0, 0));
        }
        try {
            return run(commands);
        } catch (JedisNoScriptException e) {
            // Redis restarted or was flushed; the rev check makes committing again safe.
            cache.clear();
            script.load();
            return run(commands);
        } catch (JedisException e) {
            cache.clear(); // a fail-over may have rolled Redis back: trust nothing held
            throw e;
        }
    }

    /** Customers read and computed again because another writer committed them first, since start. */
    public long rereads() {
        return rereads.get();
    }

    /** Customers whose state came from the state cache, not from Redis, since start. */
    public long cacheHits() {
        return cache.hits();
    }

    /** Customers looked up in the state cache and read from Redis, since start (0 with no cache). */
    public long cacheMisses() {
        return cache.misses();
    }

    /**
     * Drops every cached state: for a Redis failure the ledger did not see itself (the caller's
     * own pipeline after the commit), since a fail-over may have rolled Redis back.
     */
    public void forgetCachedStates() {
        cache.clear();
    }

    /**
     * Tells the state cache that the customer's pending tier change {@code version} was published
     * and removed from its state hash ({@link PendingChanges}; the removal does not move {@code rev}).
     */
    public void published(String customerId, long version) {
        cache.remove(customerId, PendingChanges.field(Long.toString(version)));
    }

    /** Customers in the state cache now. */
    public int cachedCustomers() {
        return cache.size();
    }

    /**
     * The KEYS and ARGV of the commit the ledger sends when {@code command} is the first of a new
     * customer (the commonest write). bench's redis-benchmark ceiling sends exactly this.
     */
    public static List<List<String>> firstCommit(LedgerSettings settings, LedgerCommand command) {
        CustomerWork w = new CustomerWork(command.customerId(), Map.of());
        w.apply(new Applier(settings), command);
        List<String> keys = new ArrayList<>(List.of(LedgerKeys.epochOf(command.customerId())));
        keys.addAll(LedgerKeys.scriptKeys(command.customerId()));
        List<String> argv = new ArrayList<>(List.of(""));
        CommitScript.argv(w, argv);
        return List.of(keys, argv);
    }

    /** The source of the commit script ({@code redis/commit.lua}), for loading it elsewhere (bench). */
    public static String commitScriptSource() {
        return CommitScript.source();
    }

    /**
     * The outcomes, the first command that failed (null if none), the tier changes to publish
     * (customer → version → entry fields: those this batch committed and those the states read
     * still held pending), so the publisher need not read them back, and of those the versions
     * stored whole in the customer's outbox hash (customer → versions; the others are compact
     * in the state hash, {@link PendingChanges}).
     */
    public record Result(List<ApplyOutcome> outcomes, ScriptFailedException failure,
            Map<String, Map<String, Map<String, String>>> committedEntries, Map<String, Set<String>> wholeEntries,
            Steps steps) {

        /**
         * Adds the tier and owner index writes these outcomes call for (none for most records);
         * returns how many commands it added.
         */
        public int writeIndexes(AbstractPipeline pipeline) {
            return Indexes.write(pipeline, outcomes);
        }
    }

    /**
     * Where a batch's time went, in nanoseconds, summed over its attempts: the read pipeline, the
     * Java work, the commit pipeline (its round trip included).
     */
    public record Steps(long read, long compute, long commit) {
    }

    private Result run(List<LedgerCommand> commands) {
        if (epoch != null && !java.util.Objects.equals(epoch.current(), cachedEpoch)) {
            // states cached in another epoch are of a Redis that is no more (a rebuild began this
            // one): one of them would pass a record for a duplicate without a commit to check it
            cache.clear();
            cachedEpoch = epoch.current();
        }
        Step[] steps = new Step[commands.size()];
        Map<String, Long> outboxSizes = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> entries = new LinkedHashMap<>();
        Map<String, Set<String>> whole = new LinkedHashMap<>();
        Set<String> pending = new LinkedHashSet<>();
        for (LedgerCommand c : commands) {
            pending.add(c.customerId());
        }
        long tRead = 0;
        long tCompute = 0;
        long tCommit = 0;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new ContentionException(pending, MAX_ATTEMPTS);
            }
            if (attempt > 1) {
                // a writer that lost the race against a busy one loses it again at once: wait a
                // random moment (up to 1 ms per attempt) so the two fall out of step
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L * attempt));
            }
            long t0 = System.nanoTime();
            Map<String, CustomerWork> works = read(pending);
            long t1 = System.nanoTime();
            compute(commands, works, steps);
            long t2 = System.nanoTime();
            pending = commit(works, outboxSizes);
            long t3 = System.nanoTime();
            tRead += t1 - t0;
            tCompute += t2 - t1;
            tCommit += t3 - t2;
            rereads.addAndGet(pending.size());
            for (CustomerWork w : works.values()) {
                if (!w.outbox.isEmpty() && !pending.contains(w.customerId)) {
                    entries.put(w.customerId, w.outbox);
                    if (w.hasWrites() && !w.wholeEntries().isEmpty()) {
                        whole.put(w.customerId, w.wholeEntries().keySet());
                    }
                }
            }
        }
        List<ApplyOutcome> outcomes = new ArrayList<>(commands.size());
        ScriptFailedException failure = null;
        for (int i = 0; i < steps.length; i++) {
            Step s = steps[i];
            outcomes.add(s.outcome(commands.get(i).customerId(), outboxSizes.getOrDefault(s.customerId, -1L)));
            if (failure == null && s.error != null) {
                failure = new ScriptFailedException(i, s.error);
            }
        }
        return new Result(outcomes, failure, entries, whole, new Steps(tRead, tCompute, tCommit));
    }

    private Map<String, CustomerWork> read(Set<String> customers) {
        Map<String, Map<String, String>> known = new HashMap<>();
        Map<String, Response<Map<String, String>>> states = new HashMap<>();
        for (String id : customers) {
            Map<String, String> cached = cache.get(id);
            if (cached != null) {
                known.put(id, cached);
            }
        }
        if (known.size() < customers.size()) {
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                for (String id : customers) {
                    if (!known.containsKey(id)) {
                        states.put(id, pipeline.hgetAll(LedgerKeys.state(id)));
                    }
                }
                pipeline.sync();
            }
        }
        Map<String, CustomerWork> works = new LinkedHashMap<>();
        for (String id : customers) {
            Map<String, String> state = known.get(id);
            works.put(id, new CustomerWork(id, state != null ? state : states.get(id).get()));
        }
        return works;
    }

    private void compute(List<LedgerCommand> commands, Map<String, CustomerWork> works, Step[] steps) {
        for (int i = 0; i < commands.size(); i++) {
            CustomerWork w = works.get(commands.get(i).customerId());
            if (w == null) {
                continue; // committed in an earlier attempt
            }
            Step step = new Step(w.customerId, commands.get(i).partition());
            steps[i] = step;
            if (w.failed) {
                step.blocked(w.state, applier.due(w.state));
                continue;
            }
            String ownerBefore = w.state.owner;
            Long dueBefore = applier.due(w.state);
            try {
                Applier.Step applied = w.apply(applier, commands.get(i));
                // a sweep always rewrites the customer's due day: it is why the customer was in the due index
                step.done(applied, w.state, ownerBefore, dueBefore, applier.due(w.state),
                        commands.get(i).watermark().isEmpty());
            } catch (ArithmeticException e) {
                step.error = new ArithmeticException("amount overflow: a total would leave the 64-bit range ("
                        + e.getMessage() + ")");
                step.blocked(w.state, applier.due(w.state));
            }
        }
    }

    /** Returns the customers to read and compute again. */
    private Set<String> commit(Map<String, CustomerWork> works, Map<String, Long> outboxSizes) {
        String sha = script.sha();
        String expected = epoch == null ? "" : epoch.expected();
        Map<Integer, List<CustomerWork>> groups = new LinkedHashMap<>();
        for (CustomerWork w : works.values()) {
            if (w.hasWrites()) {
                groups.computeIfAbsent(LedgerKeys.group(w.customerId), g -> new ArrayList<>()).add(w);
            } else if ((w.appliedAny() || w.skipped) && !w.readBack) {
                outboxSizes.put(w.customerId, 0L); // applied (or a sweep skipped it), nothing moved
            }
        }
        List<List<CustomerWork>> calls = new ArrayList<>(groups.values());
        List<Response<Object>> replies = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            calls.forEach(group -> replies.add(script.call(pipeline, sha, expected, group)));
            pipeline.sync();
        }
        for (int c = 0; c < calls.size(); c++) {
            if (replies.get(c).get() instanceof Long answer && answer == CommitScript.EPOCH_LOST) {
                cache.clear();
                throw epoch.lostAt(LedgerKeys.epochOf(calls.get(c).get(0).customerId));
            }
        }
        Set<String> conflicts = new LinkedHashSet<>();
        for (int c = 0; c < calls.size(); c++) {
            List<CustomerWork> group = calls.get(c);
            List<?> answers = (List<?>) replies.get(c).get();
            for (int i = 0; i < group.size(); i++) {
                CustomerWork w = group.get(i);
                if ((Long) answers.get(i) == CommitScript.CONFLICT) {
                    conflicts.add(w.customerId);
                } else {
                    outboxSizes.put(w.customerId, w.readBack ? -1L : w.outbox.size());
                }
            }
        }
        for (CustomerWork w : works.values()) {
            if (conflicts.contains(w.customerId) || w.readBack) {
                // a sweep (or a replay) touches customers once an hour, not the busy ones: it must
                // not push those out of the cache, and what it wrote is read back if needed
                cache.invalidate(w.customerId);
            } else if (w.existed()) {
                cache.put(w.customerId, w.stored()); // pending tier changes included, until published()
            }
            // a customer's first event does not enter the cache: most customers buy once, and
            // caching them all pushed the repeat buyers out and made the maps live long enough to
            // reach the old generation (perf/ledger-load.sh: GC 0.2 s -> 1.7 s, 27k -> 20k events/s)
        }
        return conflicts;
    }
}
