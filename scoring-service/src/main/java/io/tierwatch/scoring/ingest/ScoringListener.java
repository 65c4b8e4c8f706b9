package io.tierwatch.scoring.ingest;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.Scorer;
import io.tierwatch.scoring.engine.ScoringUnavailableException;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.ScriptFailedException;

/**
 * One poll at a time, and every record of it is either applied or dead-lettered before the
 * method returns and the container commits the offsets:
 * <ol>
 * <li>each record is decoded; one that is not a valid event is set aside for the DLT;</li>
 * <li>the others are scored; a command the ledger cannot apply (an amount overflow) is set aside
 *     too and the rest scored again (the watermarks skip what was applied);</li>
 * <li>any other failure that is not an outage is looked for record by record, so only the record
 *     that fails is set aside, never an innocent one of the same poll;</li>
 * <li>what was set aside goes to the DLT, all at once ({@link DeadLetters}).</li>
 * </ol>
 * An outage of Redis or Kafka ({@link ScoringUnavailableException}) is the one case that leaves the
 * poll undone: the error handler retries it from its first record with backoff, for as long as the
 * outage lasts, and nothing is committed meanwhile.
 */
@Component
class ScoringListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringListener.class);

    private final ScoringProperties properties;
    private final RecordDecoder decoder;
    private final Scorer scorer;
    private final DeadLetters deadLetters;
    /** An outage retries a poll every few seconds on each consumer: a few lines say so, not one per attempt. */
    private final RateLimitedLog retries = new RateLimitedLog(LOG, 6, java.time.Duration.ofSeconds(30),
            java.time.Clock.systemUTC());

    ScoringListener(ScoringProperties properties, Scorer scorer, DeadLetters deadLetters) {
        this.properties = properties;
        this.decoder = new RecordDecoder(properties.scoring().currency());
        this.scorer = scorer;
        this.deadLetters = deadLetters;
    }

    public String[] topics() {
        return properties.topics().inputs();
    }

    @KafkaListener(id = "tierwatch-scoring", idIsGroup = false, topics = "#{__listener.topics()}", batch = "true")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> decoded = new ArrayList<>(records.size());
        List<LedgerCommand> commands = new ArrayList<>(records.size());
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                commands.add(decoder.decode(record));
                decoded.add(record);
            } catch (InvalidEventException e) {
                rejected.add(new DeadLetters.Rejected(record, e));
            }
        }
        try {
            score(decoded, commands, rejected);
            deadLetters.publish(rejected);
        } catch (ScoringUnavailableException e) {
            retries.warn("poll of {} records not scored, retrying with backoff: {}", records.size(), e.getMessage());
            // Nothing of this poll counts as done: retry from its first record (the watermark skips what was applied).
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
    }

    private void score(List<ConsumerRecord<String, byte[]>> records, List<LedgerCommand> commands,
            List<DeadLetters.Rejected> rejected) {
        int from = 0;
        while (from < commands.size()) {
            try {
                scorer.score(commands.subList(from, commands.size()));
                return;
            } catch (ScriptFailedException e) {
                // the commands before it are committed and published; it can never be applied
                int failed = from + e.index();
                rejected.add(new DeadLetters.Rejected(records.get(failed), e.getCause()));
                from = failed + 1;
            } catch (ScoringUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("a poll of {} records failed ({}); scoring them one at a time to find the one that fails",
                        commands.size() - from, DeadLetters.reason(e));
                scoreOneByOne(records, commands, from, rejected);
                return;
            }
        }
    }

    private void scoreOneByOne(List<ConsumerRecord<String, byte[]>> records, List<LedgerCommand> commands, int from,
            List<DeadLetters.Rejected> rejected) {
        for (int i = from; i < commands.size(); i++) {
            try {
                scorer.score(List.of(commands.get(i)));
            } catch (ScoringUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                rejected.add(new DeadLetters.Rejected(records.get(i), e instanceof ScriptFailedException s ? s.getCause() : e));
            }
        }
    }
}
