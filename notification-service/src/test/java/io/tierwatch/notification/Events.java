package io.tierwatch.notification;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.Contributor;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.TierDirection;
import io.tierwatch.contracts.Topics;
import io.tierwatch.contracts.Trait;
import io.tierwatch.testsupport.KafkaProbe;

/** Sends the events notification-service reads, as order-service and scoring-service would. */
public final class Events {

    private static final URI SOURCE = URI.create("urn:tierwatch:test");

    private Events() {
    }

    public static void customer(String customerId, String name, String ownerRepId, boolean strategic) {
        CustomerUpserted data = new CustomerUpserted(customerId, name, ownerRepId, LocalDate.of(2024, 1, 1), strategic,
                Instant.now());
        KafkaProbe.send(CloudEventsKafka.toRecord(Topics.CUSTOMERS,
                EventEnvelope.of("customer:" + customerId + ":" + System.nanoTime(), SOURCE, Instant.now(), customerId, data)));
    }

    /** A tier change with a window profit of {@code profitMinor}, from cost to serve. */
    public static CustomerTierChanged tierChange(String customerId, long version, Tier from, Tier to, long profitMinor,
            Set<Trait> traits) {
        long revenue = 100_000;
        long costOfGoods = 60_000;
        long costToServe = revenue - costOfGoods - profitMinor;
        return new CustomerTierChanged(customerId, from, to, TierDirection.between(from, to), version, "v1", 90,
                Figures.of(revenue, costOfGoods, costToServe), Figures.of(revenue, costOfGoods, costToServe), traits,
                "ticket:T-" + customerId,
                List.of(new Contributor("ticket:T-" + customerId, "service-ticket", "T-" + customerId, Instant.now(),
                        Money.ofMinor(-costToServe))),
                "Window profit fell to " + Money.ofMinor(profitMinor) + " after ticket T-" + customerId + ".",
                Instant.now());
    }

    public static void send(CustomerTierChanged change) {
        KafkaProbe.send(CloudEventsKafka.toRecord(Topics.CUSTOMER_TIER_CHANGES,
                EventEnvelope.of(change.eventId(), SOURCE, change.occurredAt(), change.customerId(), change)));
    }
}
