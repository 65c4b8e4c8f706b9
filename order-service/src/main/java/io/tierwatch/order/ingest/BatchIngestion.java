package io.tierwatch.order.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import io.tierwatch.order.ingest.BatchOutcome.Status;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.publish.Outgoing;

/** The batch form of {@link Ingestion#submit}: same rules, one pipelined claim and one wait for acks. */
final class BatchIngestion {

    private final SubmissionLedger ledger;
    private final EventPublisher publisher;
    private final BiPredicate<Submission, Claim> foundOnKafka;

    BatchIngestion(SubmissionLedger ledger, EventPublisher publisher, BiPredicate<Submission, Claim> foundOnKafka) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.foundOnKafka = foundOnKafka;
    }

    List<BatchOutcome> submitAll(List<Submission> batch) {
        List<Claim> claims = ledger.claimAll(batch);
        if (claims.stream().anyMatch(c -> c.outcome() == Claim.Outcome.LOST)) {
            throw new StoreLostException(); // nothing of the batch was claimed
        }
        BatchOutcome[] outcomes = new BatchOutcome[batch.size()];
        List<Integer> toPublish = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Claim claim = claims.get(i);
            switch (claim.outcome()) {
                case DUPLICATE -> outcomes[i] = BatchOutcome.of(Status.DUPLICATE);
                case CONFLICT -> outcomes[i] = new BatchOutcome(Status.CONFLICT,
                        batch.get(i).eventId() + " was submitted before with different content");
                case IN_PROGRESS -> outcomes[i] = new BatchOutcome(Status.IN_PROGRESS,
                        batch.get(i).eventId() + " is being published by another request");
                case RECOVER -> {
                    if (foundOnKafka.test(batch.get(i), claim)) {
                        outcomes[i] = BatchOutcome.of(Status.DUPLICATE);
                        done.add(batch.get(i).eventId());
                    } else {
                        toPublish.add(i);
                    }
                }
                case CLAIMED -> toPublish.add(i);
                case LOST -> throw new IllegalStateException("checked above");
            }
        }
        List<Outgoing> outgoing = toPublish.stream().map(i -> batch.get(i).outgoing()).toList();
        List<Throwable> failures = publisher.publishAll(outgoing);
        for (int j = 0; j < toPublish.size(); j++) {
            int i = toPublish.get(j);
            if (failures.get(j) == null) {
                outcomes[i] = BatchOutcome.of(Status.PUBLISHED);
                done.add(batch.get(i).eventId());
            } else {
                ledger.release(batch.get(i).eventId(), batch.get(i).fingerprint(), claims.get(i));
                outcomes[i] = new BatchOutcome(Status.FAILED, "Kafka did not acknowledge: " + failures.get(j));
            }
        }
        ledger.completeAll(done);
        return List.of(outcomes);
    }
}
