package io.tierwatch.order.ingest;

import java.util.List;

import org.springframework.stereotype.Service;

import io.tierwatch.order.publish.BrokerUnavailableException;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.publish.PublishedEventFinder;
import io.tierwatch.order.web.ConflictException;

/**
 * Publishes each event id once. The id is claimed in Redis with the content's fingerprint
 * before publishing and marked done after Kafka's ack; a failed publish gives the claim back.
 * A claim left pending by a process that died after the ack is recovered by looking for the
 * event on Kafka itself, so a retry neither loses the event nor publishes it twice.
 */
@Service
public class Ingestion {

    private final SubmissionLedger ledger;
    private final EventPublisher publisher;
    private final PublishedEventFinder finder;

    Ingestion(SubmissionLedger ledger, EventPublisher publisher, PublishedEventFinder finder) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.finder = finder;
    }

    public Receipt submit(Submission submission) {
        return submit(submission, () -> { });
    }

    /** @param afterAck bookkeeping after the ack (recording an order's lines); idempotent */
    public Receipt submit(Submission submission, Runnable afterAck) {
        return submit(submission.eventId(), submission.fingerprint(), Preparation.of(submission, afterAck));
    }

    /** Claims {@code id} for content {@code fingerprint}, then prepares, publishes and completes it. */
    public Receipt submit(String id, String fingerprint, Preparation preparation) {
        Claim claim = ledger.claim(id, fingerprint);
        switch (claim.outcome()) {
            case DUPLICATE -> {
                return new Receipt(id, true);
            }
            case CONFLICT -> throw new ConflictException("conflict",
                    id + " was submitted before with different content");
            case IN_PROGRESS -> throw new ConflictException("in-progress",
                    id + " is being published by another request; retry shortly");
            case LOST -> throw new StoreLostException();
            case CLAIMED, RECOVER -> { }
        }
        Submission submission;
        try {
            submission = preparation.prepare(claim);
        } catch (RuntimeException e) {
            undo(id, fingerprint, preparation, claim);
            throw e;
        }
        if (claim.outcome() == Claim.Outcome.RECOVER && foundOnKafka(submission, claim)) {
            complete(id, preparation);
            return new Receipt(id, true);
        }
        try {
            publisher.publish(submission.outgoing());
        } catch (BrokerUnavailableException e) {
            undo(id, fingerprint, preparation, claim);
            throw e;
        }
        complete(id, preparation);
        return new Receipt(id, false);
    }

    private void complete(String id, Preparation preparation) {
        preparation.afterAck();
        ledger.complete(id);
    }

    private void undo(String id, String fingerprint, Preparation preparation, Claim claim) {
        preparation.undo(claim);
        ledger.release(id, fingerprint, claim);
    }

    /** Publishes a batch in one Redis and one Kafka round trip; outcome i belongs to submission i. */
    public List<BatchOutcome> submitAll(List<Submission> batch) {
        return new BatchIngestion(ledger, publisher, this::foundOnKafka).submitAll(batch);
    }

    private boolean foundOnKafka(Submission submission, Claim claim) {
        return finder.contains(submission.topic(), submission.event().subject(), submission.eventId(),
                claim.firstClaimedAt());
    }
}
