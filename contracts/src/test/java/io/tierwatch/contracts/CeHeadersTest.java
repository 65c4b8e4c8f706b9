package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The ce_* headers are read in one pass; what a record may carry and the errors for it are unchanged. */
class CeHeadersTest {

    static final EventEnvelope<OrderPlaced> EVENT = EventEnvelope.of("order-placed:o-1", CloudEventsKafkaTest.SOURCE,
            Instant.parse("2026-01-02T10:15:31.250Z"), "c-7", SampleEvents.order());

    static ConsumerRecord<String, byte[]> record(String key, Headers headers) {
        ProducerRecord<String, byte[]> sent = CloudEventsKafka.toRecord(Topics.ORDERS, EVENT);
        return new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, sent.value().length, key,
                sent.value(), headers, Optional.empty());
    }

    static Headers headers() {
        return CloudEventsKafka.toRecord(Topics.ORDERS, EVENT).headers();
    }

    static Headers with(String name, String value) {
        Headers headers = headers().remove(name);
        return value == null ? headers : headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static void assertRejected(Headers headers, String message) {
        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record("c-7", headers)))
                .isInstanceOf(InvalidEventException.class).hasMessage(message);
    }

    @Test
    void theLastOfARepeatedHeaderWinsAsWithLastHeader() {
        Headers headers = headers().add(CloudEventsKafka.ID, "second".getBytes(StandardCharsets.UTF_8))
                .add(CloudEventsKafka.SOURCE, "/tierwatch/other".getBytes(StandardCharsets.UTF_8));

        EventEnvelope<?> read = CloudEventsKafka.fromRecord(record("c-7", headers));

        assertThat(read.id()).isEqualTo("second");
        assertThat(read.source()).hasToString("/tierwatch/other");
        assertThat(read.time()).isEqualTo(EVENT.time());
        assertThat(CloudEventsKafka.fromRecord(record(null, headers()))).isEqualTo(EVENT);
    }

    @Test
    void namesAMissingOrWrongSpecVersionAndType() {
        assertRejected(with(CloudEventsKafka.SPECVERSION, null), "ce_specversion must be 1.0 but was null");
        assertRejected(with(CloudEventsKafka.SPECVERSION, "1.0 "), "ce_specversion must be 1.0 but was 1.0 ");
        assertRejected(headers().add(CloudEventsKafka.SPECVERSION, null), "ce_specversion must be 1.0 but was null");
        assertRejected(with(CloudEventsKafka.TYPE, "io.tierwatch.order.placed.v9"),
                "unknown event type: io.tierwatch.order.placed.v9");
        assertRejected(with(CloudEventsKafka.TYPE, null), "unknown event type: null");
    }

    @Test
    void namesMissingAndInvalidAttributes() {
        assertRejected(with(CloudEventsKafka.SOURCE, null), "header ce_source is missing");
        assertRejected(with(CloudEventsKafka.TIME, null), "header ce_time is missing");
        assertRejected(with(CloudEventsKafka.SOURCE, "a b"),
                "invalid CloudEvent attributes: Illegal character in path at index 1: a b");
        for (String time : new String[] {"2026-02-30T00:00:00Z", "2026-01-02T10:15:31", "yesterday"}) {
            String reason = catchThrowable(() -> Instant.parse(time)).getMessage();
            assertRejected(with(CloudEventsKafka.TIME, time), "invalid CloudEvent attributes: " + reason);
        }
        assertRejected(with(CloudEventsKafka.ID, null), "invalid CloudEvent attributes: ce_id is required");
        assertRejected(with(CloudEventsKafka.SUBJECT, " "), "invalid CloudEvent attributes: ce_subject " + Ids.MESSAGE + " (was \" \")");
        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record("c-8", headers())))
                .isInstanceOf(InvalidEventException.class).hasMessage("record key c-8 differs from ce_subject c-7");
    }
}
