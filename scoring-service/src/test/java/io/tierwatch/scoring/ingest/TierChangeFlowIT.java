package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.TierDirection;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.testsupport.KafkaProbe;

@ScoringIT
class TierChangeFlowIT {

    @Test
    void announcesADropIntoLossWhenACostlyTicketFollowsAnOrder() {
        String customer = TestEvents.customer("flow");
        Instant now = Instant.now();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, now, "100.00", "60.00"));
            CustomerTierChanged first = TierEvents.data(TierEvents.await(probe, customer, 1).get(0));
            assertThat(first.previousTier()).isNull();
            assertThat(first.newTier()).isEqualTo(Tier.B);
            assertThat(first.direction()).isEqualTo(TierDirection.INITIAL);

            TestEvents.sendTicket(TestEvents.ticket(customer, now, "200.00"));
            List<EventEnvelope<?>> events = TierEvents.await(probe, customer, 2);
            EventEnvelope<?> drop = events.get(1);
            CustomerTierChanged change = TierEvents.data(drop);

            assertThat(drop.id()).isEqualTo("tier:" + customer + ":2");
            assertThat(drop.source()).hasToString("/tierwatch/scoring-service");
            assertThat(drop.subject()).isEqualTo(customer);
            assertThat(change.previousTier()).isEqualTo(Tier.B);
            assertThat(change.newTier()).isEqualTo(Tier.D);
            assertThat(change.droppedIntoLoss()).isTrue();
            assertThat(change.window().revenue()).isEqualTo(Money.parse("100.00"));
            assertThat(change.window().grossMargin()).isEqualTo(Money.parse("40.00"));
            assertThat(change.window().costToServe()).isEqualTo(Money.parse("200.00"));
            assertThat(change.window().profit()).isEqualTo(Money.parse("-160.00"));
            assertThat(change.lifetime().profit()).isEqualTo(Money.parse("-160.00"));
            assertThat(change.contributors()).first()
                    .satisfies(c -> assertThat(c.profitImpact()).isEqualTo(Money.parse("-200.00")));
            assertThat(change.reason()).contains("-160.00").contains("below zero");
        }
    }

    @Test
    void eachTierChangeIsPublishedOnceAcrossPolls() {
        String customer = TestEvents.customer("once");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            // one poll each (each waits for the last change), so from the second on the customer's
            // state comes from the state cache, pending changes and their clean-up included
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "90.00", "120.00")); // -> D
            TierEvents.await(probe, customer, 1);
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "5000.00", "100.00")); // -> A
            TierEvents.await(probe, customer, 2);
            TestEvents.sendTicket(TestEvents.ticket(customer, Instant.now(), "9000.00")); // -> D
            TierEvents.await(probe, customer, 3);
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "1.00", "0.50")); // stays D
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "1.00", "0.50"));

            // nothing published again while later records of the customer are applied
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> probe.records(Topics.CUSTOMER_TIER_CHANGES).stream()
                            .filter(r -> customer.equals(r.key())).count() == 3);
            assertThat(TierEvents.await(probe, customer, 3).stream().map(EventEnvelope::id))
                    .containsExactly("tier:" + customer + ":1", "tier:" + customer + ":2", "tier:" + customer + ":3");
        }
    }

    @Test
    void givesAFirstOrderSoldBelowCostAnInitialLossTier() {
        String customer = TestEvents.customer("below-cost");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "125000.00", "120500.00"));
            TestEvents.sendTicket(TestEvents.ticket(customer, Instant.now(), "5000.00"));

            EventEnvelope<?> event = TierEvents.await(probe, customer, 1).get(0);
            assertThat(event.id()).isEqualTo(CustomerTierChanged.eventIdOf(customer, 1));
            assertThat(TierEvents.data(event).newTier()).isEqualTo(Tier.A);

            CustomerTierChanged loss = TierEvents.data(TierEvents.await(probe, customer, 2).get(1));
            assertThat(loss.newTier()).isEqualTo(Tier.D);
        }
    }

    @Test
    void givesAFirstOrderThatLosesMoneyAnInitialDTier() {
        String customer = TestEvents.customer("loss");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "90.00", "120.00"));

            EventEnvelope<?> envelope = TierEvents.await(probe, customer, 1).get(0);
            CustomerTierChanged event = TierEvents.data(envelope);
            assertThat(event.previousTier()).isNull();
            assertThat(event.newTier()).isEqualTo(Tier.D);
            assertThat(event.direction()).isEqualTo(TierDirection.INITIAL);
            assertThat(event.droppedIntoLoss()).isTrue();
            assertThat(envelope.type().type()).isEqualTo("io.tierwatch.customer.tier-changed.v1");
        }
    }
}
