package io.tierwatch.contracts;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one CloudEvents record costs to read ({@code fromRecord} + {@code dataAs}) and to write
 * ({@code toRecord}), per event type, with records shaped like the real stream: an order of four
 * lines, a return of two, a ticket, a customer upsert; and one Money amount read and written. Run with {@code contracts/benchmark}
 * (docs/events.md, "Decoding cost"); the name keeps surefire from running it as a test.
 * Sampled, not averaged: on a 2-core machine shared with other work, the median of single
 * operations is the figure that preemption does not distort.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    static final URI SOURCE = URI.create("/tierwatch/order-service");
    static final Instant PRODUCED = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final Instant OCCURRED = Instant.parse("2026-02-27T16:42:05Z");

    // Not final, so the JIT cannot treat the inputs as constants and fold work out of the loop.
    EventEnvelope<OrderPlaced> order = envelope("order-placed:o-100234", new OrderPlaced("o-100234",
            "c-004711", OCCURRED, "EUR", List.of(
                    new OrderLine("sku-10442", 3, Money.parse("19.99"), Money.parse("12.00"), Money.parse("2.00")),
                    new OrderLine("sku-20017", 1, Money.parse("249.00"), Money.parse("171.35"), null),
                    new OrderLine("sku-30981", 12, Money.parse("4.75"), Money.parse("2.10"), Money.parse("5.70")),
                    new OrderLine("sku-41116", 2, Money.parse("1299.00"), Money.parse("1012.40"), Money.parse("50"))),
            Money.parse("7.90")));
    EventEnvelope<OrderLinesReturned> returned = envelope("lines-returned:r-5521", new OrderLinesReturned(
            "r-5521", "o-100234", "c-004711", OCCURRED, "EUR", List.of(
                    new ReturnedLine("sku-10442", 1, Money.parse("17.99"), Money.parse("12.00")),
                    new ReturnedLine("sku-30981", 4, Money.parse("17.10"), Money.parse("8.40"))),
            Money.parse("3.50")));
    EventEnvelope<ServiceTicketClosed> ticket = envelope("ticket-closed:t-88120", new ServiceTicketClosed(
            "t-88120", "c-004711", OCCURRED, "EUR", 95, Money.parse("82.50"), Money.parse("140.00"),
            Money.parse("35.00"), Money.parse("28.40"), true, Money.parse("50.00"), Money.parse("120.00")));
    EventEnvelope<CustomerUpserted> customer = envelope("customer-upserted:c-004711:1772380530123",
            new CustomerUpserted("c-004711", "Acme Industrial Supplies GmbH", "rep-017", LocalDate.of(2019, 5, 1),
                    true, OCCURRED));

    ConsumerRecord<String, byte[]> orderRecord = consumed(order);
    ConsumerRecord<String, byte[]> returnRecord = consumed(returned);
    ConsumerRecord<String, byte[]> ticketRecord = consumed(ticket);
    ConsumerRecord<String, byte[]> customerRecord = consumed(customer);

    String amountText = "1012.40";
    Money amount = Money.ofMinor(101_240);

    static <T> EventEnvelope<T> envelope(String id, T data) {
        return EventEnvelope.of(id, SOURCE, PRODUCED, "c-004711", data);
    }

    static ConsumerRecord<String, byte[]> consumed(EventEnvelope<?> event) {
        return CloudEventsKafkaTest.consumed(CloudEventsKafka.toRecord(event.type().defaultTopic(), event));
    }

    @Benchmark
    public OrderPlaced decodeOrder() {
        return CloudEventsKafka.fromRecord(orderRecord).dataAs(OrderPlaced.class);
    }

    @Benchmark
    public OrderLinesReturned decodeReturn() {
        return CloudEventsKafka.fromRecord(returnRecord).dataAs(OrderLinesReturned.class);
    }

    @Benchmark
    public ServiceTicketClosed decodeTicket() {
        return CloudEventsKafka.fromRecord(ticketRecord).dataAs(ServiceTicketClosed.class);
    }

    @Benchmark
    public CustomerUpserted decodeCustomer() {
        return CloudEventsKafka.fromRecord(customerRecord).dataAs(CustomerUpserted.class);
    }

    @Benchmark
    public ProducerRecord<String, byte[]> encodeOrder() {
        return CloudEventsKafka.toRecord(Topics.ORDERS, order);
    }

    @Benchmark
    public ProducerRecord<String, byte[]> encodeReturn() {
        return CloudEventsKafka.toRecord(Topics.ORDERS, returned);
    }

    @Benchmark
    public ProducerRecord<String, byte[]> encodeTicket() {
        return CloudEventsKafka.toRecord(Topics.SERVICE_TICKETS, ticket);
    }

    @Benchmark
    public ProducerRecord<String, byte[]> encodeCustomer() {
        return CloudEventsKafka.toRecord(Topics.CUSTOMERS, customer);
    }

    /** Tens of nanoseconds: averaged, since sampling one call would mostly time the clock. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Money parseMoney() {
        return Money.parse(amountText);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public String writeMoney() {
        return amount.toDecimalString();
    }
}
