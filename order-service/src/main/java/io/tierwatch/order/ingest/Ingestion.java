package io.tierwatch.order.ingest;

import org.springframework.stereotype.Service;

import io.tierwatch.order.publish.EventPublisher;

/** Publishes submissions and waits for Kafka's acknowledgement. */
@Service
public class Ingestion {

    private final EventPublisher publisher;

    Ingestion(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public Receipt submit(Submission submission) {
        publisher.publish(submission.outgoing());
        return new Receipt(submission.eventId(), false);
    }
}
