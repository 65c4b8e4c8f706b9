package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

/**
 * The codec's fast paths write and read exactly what a plain mapper with the same rules
 * ({@link StrictJson}, without the fast paths) does, except that they refuse instants and dates
 * that are not strings, which the plain one would read as epoch seconds or days.
 */
class CodecEquivalenceTest {

    static final tools.jackson.databind.json.JsonMapper PLAIN = StrictJson.rules(tools.jackson.databind.json.JsonMapper.builder()).build();

    static ConsumerRecord<String, byte[]> record(EventType type, String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventsKafka.SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventsKafka.TYPE, type.type().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventsKafka.ID, "order-placed:o".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventsKafka.SOURCE, "/tierwatch/order-service".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventsKafka.TIME, "2026-01-01T00:00:00.5Z".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventsKafka.SUBJECT, "c".getBytes(StandardCharsets.UTF_8));
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, value.length, "c", value, headers,
                java.util.Optional.empty());
    }

    static String orderJson(String occurredAt) {
        return orderJson(occurredAt, "\"quantity\":2");
    }

    static String orderJson(String occurredAt, String quantity) {
        return "{\"orderId\":\"o\",\"customerId\":\"c\",\"occurredAt\":" + occurredAt + ",\"currency\":\"EUR\","
                + "\"lines\":[{\"sku\":\"s\"," + quantity + ",\"unitPrice\":\"1.50\",\"unitCost\":\"1\"}]}";
    }

    static void assertDecodesLikeThePlainMapper(String orderJson) {
        assertDecodesLikeThePlainMapper(EventType.ORDER_PLACED, orderJson);
    }

    /** Either both read the same data, or both reject it for the same reason. */
    static void assertDecodesLikeThePlainMapper(EventType type, String json) {
        Object plain;
        try {
            plain = PLAIN.readValue(json.getBytes(StandardCharsets.UTF_8), type.dataClass());
        } catch (JacksonException e) {
            assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record(type, json))).as(json)
                    .isInstanceOf(InvalidEventException.class).hasMessageEndingWith(rootMessage(e));
            return;
        }
        assertThat(CloudEventsKafka.fromRecord(record(type, json)).data()).as(json).isEqualTo(plain);
    }

    @Test
    void writesTheSameBytesAsThePlainMapper() {
        for (Object data : SampleEvents.all()) {
            EventEnvelope<Object> event = EventEnvelope.of("id", CloudEventsKafkaTest.SOURCE,
                    Instant.parse("2026-01-02T10:15:30.120Z"), "c-7", data);
            ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("t", event);
            assertThat(record.value()).isEqualTo(PLAIN.writeValueAsBytes(data));
            assertThat(new String(record.headers().lastHeader(CloudEventsKafka.TIME).value(), StandardCharsets.UTF_8))
                    .isEqualTo("2026-01-02T10:15:30.120Z");
        }
        for (String occurredAt : new String[] {"2026-01-02T10:15:30Z", "2026-01-02T10:15:30.100Z",
                "2026-01-02T10:15:30.123456Z", "2026-01-02T10:15:30.000000001Z", "+12026-01-02T10:15:30Z"}) {
            OrderPlaced order = new OrderPlaced("o", "c", Instant.parse(occurredAt), "EUR", SampleEvents.order().lines(),
                    Money.ofMinor(5));
            byte[] written = CloudEventsKafka.toRecord("t", EventEnvelope.of("id", CloudEventsKafkaTest.SOURCE,
                    Instant.EPOCH, "c", order)).value();
            assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"occurredAt\":\"" + occurredAt + "\"")
                    .isEqualTo(PLAIN.writeValueAsString(order));
        }
    }

    @Test
    void readsEveryInstantAsThePlainMapperDoes() {
        for (String occurredAt : new String[] {"\"2026-01-02T10:15:30Z\"", "\"2026-01-02T10:15:30.123456789Z\"",
                "\"2026-01-02T10:15:30+01:00\"", "\"2026-01-02T10:15:30.Z\"", "\" 2026-01-02T10:15:30Z \"",
                "\"1767348930000\"", "\"2026-01-02t10:15:30z\"",
                "\"2026-01-02T24:00:00Z\"", "\"2026-12-31T23:59:60Z\"", "\"2026-02-30T00:00:00Z\"",
                "\"2026-01-02T25:00:00Z\"", "\"soon\"", "null", "\"\""}) {
            assertDecodesLikeThePlainMapper(orderJson(occurredAt));
        }
        assertThat(CloudEventsKafka.fromRecord(record(EventType.ORDER_PLACED, orderJson("\"2026-01-02T10:15:30Z\""))).time())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.500Z"));
    }

    @Test
    void buildsRecordsAndRejectsBrokenOnesAsThePlainMapperDoes() {
        for (String quantity : new String[] {"\"quantity\":2", "\"quantity\":-2", "\"quantity\":0",
                "\"quantity\":null", "\"quantity\":\"3\"", "\"quantity\":2.7", "\"quantity\":\"x\"",
                "\"quantity\":99999999999999999999", "\"quantity\":true", "\"other\":1"}) {
            assertDecodesLikeThePlainMapper(orderJson("\"2026-01-02T10:15:30Z\"", quantity));
        }
        assertDecodesLikeThePlainMapper(orderJson("\"2026-01-02T10:15:30Z\"").replace("\"currency\":\"EUR\",", ""));
        assertDecodesLikeThePlainMapper(orderJson("\"2026-01-02T10:15:30Z\"").replace("\"1.50\"", "\"1.505\""));
        assertDecodesLikeThePlainMapper("{\"orderId\":\"o\",\"customerId\":\"c\",\"lines\":[]}");
    }

    @Test
    void readsEveryCustomerSinceDateAsThePlainMapperDoes() {
        for (String since : new String[] {"\"2019-05-01\"", "\"2020-02-29\"", "\"2019-02-29\"", "\"2019-13-01\"",
                "\"2019-5-1\"", "\" 2019-05-01\"", "\"+2019-05-01\"", "\"2019-05-01T00:00:00Z\"", "\"20190501\"",
                "null", "\"\""}) {
            String json = "{\"customerId\":\"c\",\"name\":\"Acme\",\"customerSince\":" + since
                    + ",\"strategic\":false,\"updatedAt\":\"2026-03-01T00:00:00Z\"}";
            assertDecodesLikeThePlainMapper(EventType.CUSTOMER_UPSERTED, json);
        }
    }

    @Test
    void refusesInstantsAndDatesThatAreNotStrings() {
        for (String occurredAt : new String[] {"12345", "1767348930000", "1767348930.5", "[]", "{}", "true"}) {
            assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record(EventType.ORDER_PLACED, orderJson(occurredAt))))
                    .as(occurredAt).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("must be a string (RFC 3339 date-time");
        }
        for (String since : new String[] {"17000", "[2019,5,1]"}) {
            String json = "{\"customerId\":\"c\",\"name\":\"Acme\",\"customerSince\":" + since
                    + ",\"strategic\":false,\"updatedAt\":\"2026-03-01T00:00:00Z\"}";
            assertThatThrownBy(() -> CloudEventsKafka.fromRecord(record(EventType.CUSTOMER_UPSERTED, json)))
                    .as(since).isInstanceOf(InvalidEventException.class).hasMessageContaining("must be a string (RFC 3339 date");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
