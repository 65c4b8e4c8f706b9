package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.support.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code redis/commit.lua}: writes one customer's computed changes if its {@code rev} is still
 * the one read. Called by its SHA in the ledger's pipeline; reloaded when Redis lost it.
 */
final class CommitScript {

    static final long CONFLICT = -1;
    /** The whole call's answer when the group's epoch marker is not the epoch the ledger works in. */
    static final long EPOCH_LOST = -2;

    private static final String RESOURCE = "/redis/commit.lua";

    private final LuaScript script;

    CommitScript(UnifiedJedis jedis) {
        this.script = LuaScript.load(jedis, CommitScript.class, RESOURCE);
    }

    /** Loads the script again, after Redis lost it. */
    void load() {
        script.reload();
    }

    String sha() {
        return script.sha();
    }

    static String source() {
        return LuaScript.read(CommitScript.class, RESOURCE);
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

    static void argv(CustomerWork w, List<String> argv) {
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
