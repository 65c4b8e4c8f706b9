package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

@ScoringIT
class RedeliveryIT {

    private final ScoringListener listener;

    RedeliveryIT(@Autowired ScoringListener listener) {
        this.listener = listener;
    }

    @Test
    void countsARedeliveredRecordOnce() {
        String customer = TestEvents.customer("redeliver");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.SERVICE_TICKETS,
                Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "100.00", "60.00"));
            TestEvents.sendTicket(TestEvents.ticket(customer, Instant.now(), "200.00"));
            TierEvents.await(probe, customer, 2);
            // the tier changes are on Kafka; their pending entries leave the state just after the ack
            Map<String, String> before = org.awaitility.Awaitility.await("the published changes' clean-up")
                    .atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> state(customer), s -> s.keySet().stream().noneMatch(k -> k.startsWith("o:")));
            List<ConsumerRecord<String, byte[]>> delivered = probe.records().stream()
                    .filter(r -> customer.equals(r.key()) && !r.topic().equals(Topics.CUSTOMER_TIER_CHANGES))
                    .toList();
            assertThat(delivered).hasSize(2);

            listener.apply(delivered);
            listener.apply(delivered.subList(1, 2));

            assertThat(state(customer)).isEqualTo(before).containsEntry("lr", "10000").containsEntry("ls", "20000");
            assertThat(probe.records(Topics.CUSTOMER_TIER_CHANGES).stream().filter(r -> customer.equals(r.key())))
                    .hasSize(2);
        }
    }

    @Test
    void deadLettersAMalformedRecordAndGoesOnWithTheNext() {
        String customer = TestEvents.customer("malformed");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.ORDERS), Topics.CUSTOMER_TIER_CHANGES)) {
            ProducerRecord<String, byte[]> bad = TestEvents.record(Topics.ORDERS, customer,
                    TestEvents.order(customer, Instant.now(), "10.00", "1.00"));
            ProducerRecord<String, byte[]> malformed = new ProducerRecord<>(Topics.ORDERS, null, customer,
                    "{not json".getBytes(StandardCharsets.UTF_8), bad.headers());
            KafkaProbe.send(malformed);
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "90.00", "120.00"));

            ConsumerRecord<String, byte[]> dead = probe.await(1,
                    r -> r.topic().equals(Topics.deadLetterOf(Topics.ORDERS)) && customer.equals(r.key()),
                    Duration.ofSeconds(30)).get(0);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("InvalidEventException").contains("data is not a valid");
            assertThat(TierEvents.data(TierEvents.await(probe, customer, 1).get(0)).window().revenue())
                    .hasToString("90.00");
        }
    }

    @Test
    void deadLettersARecordTheScriptCannotApplyAndGoesOn() {
        String customer = TestEvents.customer("overflow");
        // each order's revenue fits a long; their sum does not, so Redis refuses the second HINCRBY
        List<OrderLine> lines = List.of(new OrderLine("sku", 9, Money.parse("9999999999999999.99"), Money.ZERO, null));
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.ORDERS))) {
            TestEvents.sendOrder(new OrderPlaced("o-huge-1", customer, Instant.now(), "EUR", lines, null));
            TestEvents.sendOrder(new OrderPlaced("o-huge-2", customer, Instant.now(), "EUR", lines, null));
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "1.00", "0.00"));

            ConsumerRecord<String, byte[]> dead = probe.await(1, r -> customer.equals(r.key()),
                    Duration.ofSeconds(60)).get(0);
            assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("overflow");
            assertThat(TestEvents.orderId(dead)).isEqualTo("o-huge-2");
            await().atMost(Duration.ofSeconds(60)).until(() -> "2".equals(state(customer).get("lo")));
            assertThat(state(customer)).containsEntry("lr", "9000000000000000091");
        }
    }

    private static Map<String, String> state(String customer) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer)));
        }
    }
}
