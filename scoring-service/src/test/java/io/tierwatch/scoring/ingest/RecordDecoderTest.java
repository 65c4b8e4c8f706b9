package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ReturnedLine;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.ledger.LedgerCommand;

class RecordDecoderTest {

    private final RecordDecoder decoder = new RecordDecoder("EUR");
    private final Instant at = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void turnsAnOrderIntoRevenueAndCostOfGoodsWithItsWatermark() {
        LedgerCommand command = decode(TestEvents.order("c-1", at, "125.50", "80.25"), 7);

        assertThat(command.watermark()).isEqualTo("wm:tierwatch.orders:2");
        assertThat(command.offset()).isEqualTo(7);
        assertThat(command.delta().revenue()).isEqualTo(12_550);
        assertThat(command.delta().costOfGoods()).isEqualTo(8_025);
        assertThat(command.delta().profitImpact()).isEqualTo(4_525);
        assertThat(command.delta().month()).isEqualTo("2026-11");
    }

    @Test
    void turnsAReturnIntoNegativeRevenueAndCost() {
        OrderLinesReturned returned = new OrderLinesReturned("r-1", "o-1", "c-1", at, "EUR",
                List.of(new ReturnedLine("sku", 1, Money.parse("40.00"), Money.parse("25.00"))), Money.parse("5.00"));

        LedgerCommand command = decode(returned, 1);

        assertThat(command.delta().revenue()).isEqualTo(-3_500);
        assertThat(command.delta().costOfGoods()).isEqualTo(-2_500);
    }

    @Test
    void turnsATicketIntoNetCostToServe() {
        ServiceTicketClosed ticket = new ServiceTicketClosed("t-1", "c-1", at, "EUR", 90, Money.parse("60.00"),
                Money.parse("30.00"), Money.parse("10.00"), Money.parse("15.00"), true, Money.parse("50.00"),
                Money.parse("20.00"));

        assertThat(decode(ticket, 1).delta().costToServe()).isEqualTo(15_500);
    }

    @Test
    void rejectsAnotherCurrency() {
        OrderPlaced order = new OrderPlaced("o-1", "c-1", at, "USD", TestEvents.order("c-1", at, "1.00", "1.00").lines(),
                null);

        assertThatThrownBy(() -> decode(order, 1)).isInstanceOf(InvalidEventException.class).hasMessageContaining("USD");
    }

    @Test
    void rejectsAnEventWhoseSubjectIsAnotherCustomer() {
        ProducerRecord<String, byte[]> sent = TestEvents.record("tierwatch.orders", "c-2",
                TestEvents.order("c-1", at, "1.00", "1.00"));

        assertThatThrownBy(() -> decoder.decode(consumed(sent, 1))).isInstanceOf(InvalidEventException.class);
    }

    private LedgerCommand decode(Object data, long offset) {
        String customerId = "c-1";
        return decoder.decode(consumed(TestEvents.record(topicOf(data), customerId, data), offset));
    }

    private static String topicOf(Object data) {
        return data instanceof ServiceTicketClosed ? "tierwatch.service-tickets" : "tierwatch.orders";
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent, long offset) {
        return new ConsumerRecord<>(sent.topic(), 2, offset, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), sent.headers(), java.util.Optional.empty());
    }
}
