package io.tierwatch.scoring.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tierwatch.scoring.ledger.ApplyOutcome;
import io.tierwatch.scoring.ledger.ContentionException;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.RedisLedger;
import io.tierwatch.scoring.ledger.StateLostException;
import io.tierwatch.scoring.metrics.ScoringMetrics;
import io.tierwatch.scoring.outbox.OutboxPublisher;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Applies commands to Redis ({@link RedisLedger}), then publishes the outboxes of the customers
 * that have one. Returns only when both are done, so the caller may then commit offsets; when a
 * command failed, throws its {@link io.tierwatch.scoring.ledger.ScriptFailedException} after
 * publishing what the commands before it changed.
 */
@Component
public class Scorer {

    private final RedisLedger ledger;
    private final OutboxPublisher publisher;
    private final ScoringMetrics metrics;
    private final Clock clock;

    Scorer(RedisLedger ledger, OutboxPublisher publisher, ScoringMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<ApplyOutcome> score(List<LedgerCommand> commands) {
        return metrics.batchApply().record(() -> apply(commands));
    }

    private List<ApplyOutcome> apply(List<LedgerCommand> commands) {
        RedisLedger.Result result;
        try {
            result = ledger.commit(commands); // the indexes go with the outbox clean-up, below
        } catch (JedisException e) {
            throw new ScoringUnavailableException("Redis is unavailable: " + e.getMessage(), e);
        } catch (ContentionException e) {
            throw new ScoringUnavailableException("customers busy: " + e.getMessage(), e);
        } catch (StateLostException e) {
            // nothing was written; retried with backoff until the state is rebuilt
            throw new ScoringUnavailableException("scoring state lost: " + e.getMessage(), e);
        }
        RedisLedger.Steps steps = result.steps();
        metrics.step(ScoringMetrics.Step.READ, steps.read());
        metrics.step(ScoringMetrics.Step.COMPUTE, steps.compute());
        metrics.step(ScoringMetrics.Step.COMMIT, steps.commit());
        List<ApplyOutcome> outcomes = result.outcomes();
        Map<String, Long> outboxSizes = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ApplyOutcome outcome = outcomes.get(i);
            LedgerCommand command = commands.get(i);
            boolean record = !command.watermark().isEmpty(); // not a sweep
            if (record && outcome.applied()) {
                metrics.applied(1);
                if (command.delta() != null) {
                    metrics.eventLag(Duration.between(command.occurredAt(), clock.instant()));
                }
            } else if (record && !outcome.blocked()) {
                metrics.duplicates(1);
            }
            if (outcome.changed()) {
                metrics.transition(outcome.previousTier(), outcome.tier());
            }
            outboxSizes.put(outcome.customerId(), outcome.outboxSize());
        }
        // the entries this batch committed are in hand; an outbox holding more (left by a crash
        // before its publication) or not known (-1: nothing committed) is read back
        Map<String, Map<String, Map<String, String>>> known = result.committedEntries();
        Set<String> toRead = new LinkedHashSet<>();
        outboxSizes.forEach((customerId, size) -> {
            if (size < 0 || size > known.getOrDefault(customerId, Map.of()).size()) {
                toRead.add(customerId);
            }
        });
        try {
            publisher.publish(known, result.wholeEntries(), toRead, result::writeIndexes)
                    .forEach(event -> ledger.published(event.customerId(), event.stateVersion()));
        } catch (JedisException | IllegalStateException e) {
            // the clean-up after the acks may or may not have run: the cached states are not sure
            ledger.forgetCachedStates();
            throw new ScoringUnavailableException("tier changes not published: " + e.getMessage(), e);
        }
        if (result.failure() != null) {
            // the commands before it are committed and their tier changes published; it is retried, then dead-lettered
            throw result.failure();
        }
        return outcomes;
    }
}
