package io.tierwatch.scoring.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.tierwatch.scoring.domain.Delta;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/** {@code redis/apply.lua}, loaded once and called by its SHA; reloaded when Redis lost it. */
public final class ApplyScript {

    private final String source;
    private final ScriptSettings settings;
    private volatile String sha;

    public ApplyScript(ScriptSettings settings) {
        this.settings = settings;
        try (InputStream in = ApplyScript.class.getResourceAsStream("/redis/apply.lua")) {
            this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read redis/apply.lua", e);
        }
    }

    public ScriptSettings settings() {
        return settings;
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

    /** {@code requires}: the offset of the customer's previous record in this pipeline, or empty. */
    Response<Object> call(AbstractPipeline pipeline, String sha, LedgerCommand command, String requires) {
        return pipeline.evalsha(sha, LedgerKeys.scriptKeys(command.customerId()), argv(command, requires));
    }

    private List<String> argv(LedgerCommand c, String requires) {
        Delta d = c.delta();
        var m = c.master();
        List<String> argv = new ArrayList<>(33);
        argv.addAll(List.of(c.mode(), c.watermark(), String.valueOf(c.offset()), requires, c.eventId(),
                String.valueOf(c.day()), c.occurredAt().toString(),
                d == null ? "" : d.kind(), d == null ? "" : d.reference(),
                String.valueOf(d == null ? 0 : d.revenue()), String.valueOf(d == null ? 0 : d.costOfGoods()),
                String.valueOf(d == null ? 0 : d.costToServe()), String.valueOf(d == null ? 0 : d.orders()),
                String.valueOf(d == null ? 0 : d.tickets()), d == null ? "" : d.month(),
                m == null ? "" : m.name(), m == null || m.ownerRepId() == null ? "" : m.ownerRepId(),
                m == null || m.customerSince() == null ? "" : String.valueOf(m.customerSince().toEpochDay()),
                m != null && m.strategic() ? "1" : "0"));
        argv.addAll(settings.argv());
        return argv;
    }
}
