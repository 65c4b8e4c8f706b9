package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

class CloudEventsKafkaTest {

    static final URI SOURCE = URI.create("/tierwatch/order-service");

    static OrderPlaced order() {
        return SampleEvents.order();
    }

    static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, sent.value().length,
                sent.key(), sent.value(), sent.headers(), java.util.Optional.empty());
    }

    @Test
    void roundTripsAnOrderWithMoneyAsDecimalStrings() {
        EventEnvelope<OrderPlaced> event = EventEnvelope.of("order-placed:o-1", SOURCE, Instant.now(), "c-7", order());
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.ORDERS, event);

        String json = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"unitPrice\":\"19.99\"").contains("\"occurredAt\":\"2026-01-02T10:15:30Z\"");
        assertThat(record.key()).isEqualTo("c-7");

        EventEnvelope<?> back = CloudEventsKafka.fromRecord(consumed(record));
        assertThat(back).isEqualTo(event);
        OrderPlaced data = back.dataAs(OrderPlaced.class);
        assertThat(data.revenue()).isEqualTo(Money.parse("57.97"));
        assertThat(data.costOfGoods()).isEqualTo(Money.parse("40.50"));
    }

    @Test
    void roundTripsEveryEventType() {
        for (Object data : SampleEvents.all()) {
            EventEnvelope<Object> event = EventEnvelope.of("id-" + data.hashCode(), SOURCE, SampleEvents.T, "c-7", data);
            assertThat(CloudEventsKafka.fromRecord(consumed(CloudEventsKafka.toRecord("x", event)))).isEqualTo(event);
        }
    }

    @Test
    void isReadableByTheOfficialCloudEventsSdk() {
        EventEnvelope<OrderPlaced> event = EventEnvelope.of("order-placed:o-1", SOURCE,
                Instant.parse("2026-01-02T10:15:31Z"), "c-7", order());
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.ORDERS, event);

        CloudEvent read = KafkaMessageFactory.createReader(consumed(record)).toEvent();

        assertThat(read.getId()).isEqualTo("order-placed:o-1");
        assertThat(read.getType()).isEqualTo("io.tierwatch.order.placed.v1");
        assertThat(read.getSubject()).isEqualTo("c-7");
        assertThat(read.getSource()).isEqualTo(SOURCE);
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getData().toBytes()).isEqualTo(record.value());
    }

    @Test
    void namesWhatIsWrongWithAnInvalidRecord() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventsKafka.SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventsKafka.TYPE, EventType.ORDER_PLACED.type().getBytes(StandardCharsets.UTF_8));
        byte[] value = "{\"orderId\":\"o\",\"customerId\":\"c\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"s\",\"quantity\":-2,\"unitPrice\":\"1.00\",\"unitCost\":\"1.00\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 0,
                value.length, "c", value, headers, java.util.Optional.empty());

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("quantity must be positive");

        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("t", 0, 0L, "c", "not json".getBytes());
        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(garbage))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_specversion");
    }
}
