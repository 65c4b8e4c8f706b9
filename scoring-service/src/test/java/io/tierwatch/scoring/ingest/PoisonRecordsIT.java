package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

/**
 * Records that can never be applied: each goes to the DLT on its own, and nothing stops its
 * partition or costs an innocent record of the same poll.
 */
@ScoringIT
class PoisonRecordsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ScoringListener listener;

    PoisonRecordsIT(@Autowired ScoringListener listener) {
        this.listener = listener;
    }

    @Test
    void deadLettersARecordTooLargeToCopyWholeWithItsValueCutAndGoesOnWithThePartition() {
        String customer = TestEvents.customer("huge");
        ProducerRecord<String, byte[]> template = TestEvents.record(Topics.ORDERS, customer,
                TestEvents.order(customer, Instant.now(), "10.00", "1.00"));
        // just under the producer's and the broker's limit: the broker takes it, its DLT copy with
        // the reason and origin headers would not fit
        byte[] value = new byte[1_046_000];
        Arrays.fill(value, (byte) 'x');
        value[0] = '{';
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.ORDERS))) {
            KafkaProbe.send(new ProducerRecord<>(Topics.ORDERS, null, customer, value, template.headers()));
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "90.00", "20.00"));

            ConsumerRecord<String, byte[]> dead = probe.await(1, r -> customer.equals(r.key()), WAIT).get(0);

            assertThat(header(dead, DeadLetters.CUT_HEADER)).isEqualTo("value:1046000");
            assertThat(dead.value().length).isLessThan(value.length).isGreaterThan(value.length - 16 * 1024);
            assertThat(Arrays.copyOf(dead.value(), 16)).isEqualTo(Arrays.copyOf(value, 16));
            assertThat(header(dead, DeadLetters.ORIGIN_HEADER)).startsWith(Topics.ORDERS + "-").contains("@");
            assertThat(header(dead, DeadLetters.REASON_HEADER)).contains("data is not a valid");
            assertThat(header(dead, "ce_type")).isEqualTo("io.tierwatch.order.placed.v1");
            // the partition went on: the order after it is scored
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "9000".equals(state(customer).get("lr")));
        }
    }

    @Test
    void aStormOfPoisonIsDeadLetteredRecordByRecordAndEveryValidRecordIsApplied() {
        String prefix = TestEvents.customer("storm");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            String customer = prefix + "-" + (i % 50);
            if (i % 10 == 0) {
                records.add(TestEvents.record(Topics.ORDERS, customer,
                        new OrderPlaced("o-" + i, customer, Instant.now(), "EUR",
                                List.of(new OrderLine("sku", 1, Money.parse("2.00"), Money.parse("1.00"), null)), null)));
                valid.add(customer);
            } else {
                ProducerRecord<String, byte[]> shape = TestEvents.record(Topics.ORDERS, customer,
                        TestEvents.order(customer, Instant.now(), "1.00", "0.00"));
                records.add(new ProducerRecord<>(Topics.ORDERS, null, customer,
                        ("{\"poison\":" + i).getBytes(StandardCharsets.UTF_8), shape.headers()));
            }
        }
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.ORDERS))) {
            KafkaProbe.sendAll(records);

            List<ConsumerRecord<String, byte[]>> dead = probe.await(1_350, r -> r.key().startsWith(prefix + "-"), WAIT);

            assertThat(dead).hasSize(1_350);
            assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .allMatch(v -> v.startsWith("{\"poison\":"));
            Map<String, Long> ordersPerCustomer = valid.stream()
                    .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
            org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> ordersPerCustomer.forEach(
                    (customer, orders) -> assertThat(state(customer).get("lo")).as(customer).isEqualTo(orders.toString())));
        }
    }

    @Test
    void aCustomerWhoseStateCannotBeReadCostsOnlyItsOwnRecordNotTheOthersOfThePoll() {
        String before = TestEvents.customer("innocent-a");
        String broken = TestEvents.customer("broken");
        String after = TestEvents.customer("innocent-c");
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.hset(LedgerKeys.state(broken), Map.of("rev", "1", "l", "not numbers"));
        }
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        for (String customer : List.of(before, broken, after)) {
            poll.add(consumed(TestEvents.record(Topics.ORDERS, customer,
                    TestEvents.order(customer, Instant.now(), "50.00", "10.00")), poll.size()));
        }
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.ORDERS))) {
            listener.apply(poll);

            List<ConsumerRecord<String, byte[]>> dead = probe.await(1, r -> Set.of(before, broken, after)
                    .contains(r.key()), WAIT);
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly(broken);
            assertThat(header(dead.get(0), DeadLetters.REASON_HEADER)).contains("NumberFormatException");
            assertThat(state(before)).containsEntry("lr", "5000");
            assertThat(state(after)).containsEntry("lr", "5000");
            // nothing else of that poll reaches the DLT
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> probe.records().stream().filter(r -> Set.of(before, broken, after).contains(r.key()))
                            .count() == 1);
        }
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent, long offset) {
        return new ConsumerRecord<>(sent.topic(), 0, 1_000_000_000L + System.nanoTime() % 1_000_000_000L + offset,
                0L, TimestampType.CREATE_TIME, 0, sent.value().length, sent.key(), sent.value(), sent.headers(),
                java.util.Optional.empty());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> state(String customer) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer)));
        }
    }
}
