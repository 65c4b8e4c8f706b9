package io.tierwatch.scoring.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * {@code redis/commit.lua}: writes one customer's computed changes if its {@code rev} is still
 * the one read. Loaded once and called by its SHA; reloaded when Redis lost it.
 */
final class CommitScript {

    static final long CONFLICT = -1;

    private final String source;
    private final int historyKept;
    private volatile String sha;

    CommitScript(int historyKept) {
        this.historyKept = historyKept;
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

    Response<Object> call(AbstractPipeline pipeline, String sha, CustomerWork w) {
        return pipeline.evalsha(sha, LedgerKeys.scriptKeys(w.customerId), argv(w));
    }

    List<String> argv(CustomerWork w) {
        CustomerState st = w.state;
        CustomerState.Changes changes = st.changes();
        boolean contributorsChanged = !st.contributors.equals(st.contributorsRead);
        List<String> argv = new ArrayList<>(8 + changes.set().size() + changes.deleted().size()
                + st.contributors.size() + 2 * w.outbox.size() + w.history.size());
        argv.add(st.read.getOrDefault("rev", ""));
        argv.add(Integer.toString(changes.set().size() / 2));
        argv.add(Integer.toString(changes.deleted().size()));
        argv.add(contributorsChanged ? Integer.toString(st.contributors.size()) : "-");
        argv.add(Integer.toString(w.outbox.size()));
        argv.add(Integer.toString(w.history.size()));
        argv.add(Integer.toString(historyKept));
        argv.addAll(changes.set());
        argv.addAll(changes.deleted());
        if (contributorsChanged) {
            argv.addAll(st.contributors);
        }
        w.outbox.forEach((version, entry) -> {
            argv.add(version);
            argv.add(entry);
        });
        argv.addAll(w.history);
        return argv;
    }
}
