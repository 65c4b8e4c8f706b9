package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The contract's rules, as a consumer meets them in a record: each of these was once accepted
 * and applied wrongly (2.5 read as 2, an amount as a JSON number, a key given twice, a discount
 * larger than its line, an id longer than its derived ids leave room for).
 */
class StrictJsonTest {

    static final String GOOD_LINE = "{\"sku\":\"s\",\"quantity\":2,\"unitPrice\":\"1.50\",\"unitCost\":\"1\"}";

    static String order(String orderId, String customerId, String line) {
        return "{\"orderId\":" + orderId + ",\"customerId\":" + customerId
                + ",\"occurredAt\":\"2026-01-02T10:15:30Z\",\"currency\":\"EUR\",\"lines\":[" + line + "]}";
    }

    static EventEnvelope<?> decode(String customerId, String json) {
        var record = CodecEquivalenceTest.record(EventType.ORDER_PLACED, json);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders(record.headers().toArray());
        headers.remove(CloudEventsKafka.SUBJECT);
        headers.add(CloudEventsKafka.SUBJECT, customerId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return CloudEventsKafka.fromRecord(new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 0, 0L, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, record.value().length, customerId,
                record.value(), headers, java.util.Optional.empty()));
    }

    @Test
    void aGoodOrderDecodes() {
        assertThat(decode("c", order("\"o\"", "\"c\"", GOOD_LINE)).dataAs(OrderPlaced.class).revenue())
                .isEqualTo(Money.parse("3.00"));
    }

    @Test
    void refusesCoercionsBetweenScalarKinds() {
        for (String line : List.of(GOOD_LINE.replace("2,", "2.5,"), GOOD_LINE.replace("2,", "2.0,"),
                GOOD_LINE.replace("2,", "\"2\","), GOOD_LINE.replace("2,", "true,"),
                GOOD_LINE.replace("\"1.50\"", "1.50"), GOOD_LINE.replace("\"1.50\"", "150"),
                GOOD_LINE.replace("\"1.50\"", "true"), GOOD_LINE.replace("\"s\"", "7"))) {
            assertThatThrownBy(() -> decode("c", order("\"o\"", "\"c\"", line))).as(line)
                    .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("data is not a valid");
        }
        for (String orderId : List.of("12", "true", "1.5")) {
            assertThatThrownBy(() -> decode("c", order(orderId, "\"c\"", GOOD_LINE))).as(orderId)
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void refusesAKeyGivenTwice() {
        String json = order("\"o\"", "\"c\"", GOOD_LINE).replace("\"currency\":\"EUR\"",
                "\"currency\":\"EUR\",\"currency\":\"GBP\"");
        assertThatThrownBy(() -> decode("c", json)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("Duplicate Object property \"currency\"");
    }

    @Test
    void refusesADiscountLargerThanItsLine() {
        String line = GOOD_LINE.replace("}", ",\"discount\":\"3.01\"}");
        assertThatThrownBy(() -> decode("c", order("\"o\"", "\"c\"", line))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("discount must not exceed quantity × unitPrice");
        assertThat(decode("c", order("\"o\"", "\"c\"", GOOD_LINE.replace("}", ",\"discount\":\"3.00\"}")))
                .dataAs(OrderPlaced.class).revenue()).isEqualTo(Money.ZERO);
    }

    @Test
    void idsKeepToTheAlphabetAndLeaveRoomForEveryDerivedId() {
        String longest = "c".repeat(Ids.MAX_LENGTH);
        assertThat(decode(longest, order("\"o\"", "\"" + longest + "\"", GOOD_LINE)).subject()).isEqualTo(longest);
        String tooLong = longest + "c";
        assertThatThrownBy(() -> decode(tooLong, order("\"o\"", "\"" + tooLong + "\"", GOOD_LINE)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("customerId must be 1 to 128 characters")
                .hasMessageContaining("129 characters");
        for (String bad : List.of("a;b", "a b", "{g1}", "a/b", "é")) {
            assertThatThrownBy(() -> Ids.require(bad, "customerId")).as(bad).isInstanceOf(InvalidFieldException.class);
        }
        // every id derived from the longest id fits the CloudEvent id limit
        assertThat(CustomerTierChanged.eventIdOf(longest, Long.MAX_VALUE)).hasSizeLessThanOrEqualTo(Ids.MAX_EVENT_ID_LENGTH);
        assertThat("customer-upserted:" + longest + ":" + Long.MAX_VALUE).hasSizeLessThanOrEqualTo(Ids.MAX_EVENT_ID_LENGTH);
    }

    @Test
    void traitsAreInOneOrderWhateverTheSetGiven() {
        CustomerTierChanged sample = (CustomerTierChanged) SampleEvents.all().get(4);
        List<Trait> backwards = new java.util.ArrayList<>(List.of(Trait.values()));
        java.util.Collections.reverse(backwards);
        Set<Trait> reversed = new java.util.LinkedHashSet<>(backwards);
        CustomerTierChanged a = new CustomerTierChanged(sample.customerId(), sample.previousTier(), sample.newTier(),
                sample.direction(), sample.stateVersion(), sample.policyVersion(), sample.windowDays(), sample.window(),
                sample.lifetime(), reversed, sample.triggeringEventId(), sample.contributors(), sample.reason(),
                sample.occurredAt());
        assertThat(a.traits()).containsExactly(Trait.values());
        assertThat(CloudEventsKafka.json().writeValueAsString(a))
                .contains("\"traits\":" + CloudEventsKafka.json().writeValueAsString(List.of(Trait.values())));
    }
}
