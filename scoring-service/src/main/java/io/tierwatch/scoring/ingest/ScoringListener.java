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
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.ScriptFailedException;

/**
 * One poll at a time: the records before the first invalid one are scored, then the invalid
 * one is reported by index so the error handler commits the good ones, dead-letters it, and
 * redelivers the rest. The container commits the offsets only after this method returns.
 */
@Component
class ScoringListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringListener.class);

    private final ScoringProperties properties;
    private final RecordDecoder decoder;
    private final Scorer scorer;

    ScoringListener(ScoringProperties properties, Scorer scorer) {
        this.properties = properties;
        this.decoder = new RecordDecoder(properties.scoring().currency());
        this.scorer = scorer;
    }

    public String[] topics() {
        return properties.topics().inputs();
    }

    @KafkaListener(id = "tierwatch-scoring", idIsGroup = false, topics = "#{__listener.topics()}", batch = "true")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<LedgerCommand> commands = new ArrayList<>(records.size());
        InvalidEventException invalid = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                commands.add(decoder.decode(record));
            } catch (InvalidEventException e) {
                invalid = e;
                break;
            }
        }
        try {
            scorer.score(commands);
        } catch (ScriptFailedException e) {
            // a script error on one record: the ones before it are done, it is retried, then dead-lettered
            throw new BatchListenerFailedException(e.getMessage(), e, e.index());
        } catch (RuntimeException e) {
            LOG.warn("poll of {} records not scored, retrying with backoff: {}", records.size(), e.getMessage());
            // Nothing of this poll counts as done: retry from its first record (the watermark skips what was applied).
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
        if (invalid != null) {
            throw new BatchListenerFailedException(invalid.getMessage(), invalid, commands.size());
        }
    }
}
