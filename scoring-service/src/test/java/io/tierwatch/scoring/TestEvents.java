package io.tierwatch.scoring;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;

/** Builds and sends input events the way order-service does. */
public final class TestEvents {

    public static final URI SOURCE = URI.create("/tierwatch/test");

    private TestEvents() {
    }

    public static String customer(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One line: the customer pays {@code price} for goods that cost {@code cost}. */
    public static OrderPlaced order(String customerId, Instant at, String price, String cost) {
        return new OrderPlaced("o-" + UUID.randomUUID(), customerId, at, "EUR",
                List.of(new OrderLine("sku-1", 1, Money.parse(price), Money.parse(cost), null)), null);
    }

    /** A ticket whose net cost to serve is {@code partsCost} (no labour, nothing billed). */
    public static ServiceTicketClosed ticket(String customerId, Instant at, String partsCost) {
        return new ServiceTicketClosed("t-" + UUID.randomUUID(), customerId, at, "EUR", 0, null,
                Money.parse(partsCost), null, null, false, null, null);
    }

    public static CustomerUpserted customer(String customerId, String owner, LocalDate since, boolean strategic) {
        return new CustomerUpserted(customerId, "Customer " + customerId, owner, since, strategic, Instant.now());
    }

    public static ProducerRecord<String, byte[]> record(String topic, String customerId, Object data) {
        return CloudEventsKafka.toRecord(topic, EventEnvelope.of("ev-" + UUID.randomUUID(), SOURCE, Instant.now(),
                customerId, data));
    }

    /** The order id of an orders-topic record, read as any consumer would. */
    public static String orderId(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return CloudEventsKafka.fromRecord(record).dataAs(OrderPlaced.class).orderId();
    }

    public static void send(String topic, String customerId, Object data) {
        KafkaProbe.send(record(topic, customerId, data));
    }

    public static void sendOrder(OrderPlaced order) {
        send(Topics.ORDERS, order.customerId(), order);
    }

    public static void sendTicket(ServiceTicketClosed ticket) {
        send(Topics.SERVICE_TICKETS, ticket.customerId(), ticket);
    }
}
