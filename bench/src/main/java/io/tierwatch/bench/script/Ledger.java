package io.tierwatch.bench.script;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.LedgerSettings;
import io.tierwatch.scoring.ledger.RedisLedger;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The one place that turns the bench's events into scoring-service's ledger API: the references
 * run the service's own {@link RedisLedger}, so they follow its internals without a mirror here.
 */
public final class Ledger {

    /**
     * The defaults of scoring-service.yml (money in minor units): 90-day window, policy-1 with
     * A at 1,000.00 (band 100.00), over-served at 50% (band 10%), loss exit 50.00; NEW 30 days,
     * LOYAL 365 days active within 90, BIG 10,000.00, POTENTIAL +20%; 5 contributors.
     */
    public static final LedgerSettings SETTINGS = new LedgerSettings(90,
            new PolicySettings(100_000, 10_000, 50, 10, 5_000, "policy-1"),
            new TraitSettings(30, 365, 90, 1_000_000, 20), 5);

    private Ledger() {
    }

    /** A ledger on its own connection pool, as scoring-service opens one. */
    public static RedisLedger open(JedisPooled jedis) {
        return new RedisLedger(jedis, SETTINGS);
    }

    public static JedisPooled connect(String host, int port) {
        return new JedisPooled(new HostAndPort(host, port), DefaultJedisClientConfig.builder().timeoutMillis(60_000).build());
    }

    /**
     * The command for the {@code offset}-th event of a stream replayed without Kafka: read from
     * partition 0 of the event's topic at that offset, so the watermark lets every event through.
     */
    public static LedgerCommand command(EventEnvelope<?> event, long offset) {
        return LedgerCommand.event(event.subject(), event.type().defaultTopic(), 0, offset, event.id(),
                delta(event.data()));
    }

    /** The first {@code count} events as commands, built before a reference starts its clock. */
    public static List<LedgerCommand> commands(Supplier<EventEnvelope<?>> events, long count) {
        List<LedgerCommand> commands = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            commands.add(command(events.get(), i));
        }
        return commands;
    }

    static Delta delta(Object data) {
        if (data instanceof OrderPlaced o) {
            return Delta.of(o);
        }
        if (data instanceof OrderLinesReturned r) {
            return Delta.of(r);
        }
        if (data instanceof ServiceTicketClosed t) {
            return Delta.of(t);
        }
        throw new IllegalArgumentException("not a business event: " + data.getClass().getSimpleName());
    }

    /** A customer's keys (state, outbox, history), as scoring-service writes them. */
    public static List<String> keys(String customerId) {
        return List.of(LedgerKeys.state(customerId), LedgerKeys.outbox(customerId), LedgerKeys.history(customerId));
    }

    /** The glob of the service's global indexes (by tier, by owner). */
    public static String indexPattern() {
        return LedgerKeys.PREFIX + "idx:*";
    }

    /** Fails the phase when the ledger reports a failed command: a reference must do all of the work. */
    static void check(RedisLedger.Result result) {
        if (result.failure() != null) {
            throw new IllegalStateException("the ledger failed a reference's command", result.failure());
        }
    }
}
