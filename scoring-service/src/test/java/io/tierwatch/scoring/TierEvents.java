package io.tierwatch.scoring;

import java.time.Duration;
import java.util.List;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;

/** Reads tier changes of one customer from a probe. */
public final class TierEvents {

    private TierEvents() {
    }

    public static List<EventEnvelope<?>> await(KafkaProbe probe, String customerId, int count) {
        return probe.await(count, r -> r.topic().equals(Topics.CUSTOMER_TIER_CHANGES) && customerId.equals(r.key()),
                Duration.ofSeconds(30)).stream().<EventEnvelope<?>>map(CloudEventsKafka::fromRecord).toList();
    }

    public static CustomerTierChanged data(EventEnvelope<?> event) {
        return event.dataAs(CustomerTierChanged.class);
    }
}
