package io.tierwatch.scoring.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tierwatch.contracts.CloudEventsKafka;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * {@code redis/commit.lua}: writes one customer's computed changes if its {@code rev} is still
 * the one read. Loaded once and called by its SHA; reloaded when Redis lost it.
 */
final class CommitScript {

    static final long CONFLICT = -1;
    /** The whole call's answer when the group's epoch marker is not the epoch the ledger works in. */
    static final long EPOCH_LOST = -2;

    private final String source;
    private volatile String sha;

    CommitScript() {
        try (InputStream in = CommitScript.class.getResourceAsStream("/redis/commit.lua")) {
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read redis/commit.lua", e);
        }
    }

    void load(JedisPooled jedis) {
        sha = jedis.scriptLoad(source);
    }

    String sha(JedisPooled jedis) {
        if (sha == null) {
            load(jedis);
        }
        return sha;
    }

    String source() {
        return source;
    }

    /**
     * One call for the customers of one hash-tag group; {@code epoch} is the state epoch the ledger
     * works in (empty: not checked, for a ledger of its own such as the benchmark's).
     */
    Response<Object> call(AbstractPipeline pipeline, String sha, String epoch, List<CustomerWork> group) {
        List<String> keys = new ArrayList<>(1 + 2 * group.size());
        List<String> argv = new ArrayList<>(1 + 40 * group.size());
        keys.add(LedgerKeys.epochOf(group.get(0).customerId));
        argv.add(epoch);
        for (CustomerWork w : group) {
            keys.addAll(LedgerKeys.scriptKeys(w.customerId));
            argv(w, argv);
        }
        return pipeline.evalsha(sha, keys, argv);
    }

    void argv(CustomerWork w, List<String> argv) {
        CustomerState st = w.state;
        CustomerState.Changes changes = w.changes();
        Map<String, Map<String, String>> whole = w.wholeEntries();
        argv.add(st.read.getOrDefault("rev", ""));
        argv.add(Integer.toString(changes.set().size() / 2));
        argv.add(Integer.toString(changes.deleted().size()));
        argv.add(Integer.toString(whole.size()));
        argv.addAll(changes.set());
        argv.addAll(changes.deleted());
        whole.forEach((version, entry) -> {
            argv.add(version);
            argv.add(CloudEventsKafka.json().writeValueAsString(entry));
        });
    }
}
