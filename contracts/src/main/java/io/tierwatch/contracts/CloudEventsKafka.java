package io.tierwatch.contracts;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: context attributes in
 * {@code ce_*} headers, the data as JSON in the record value, the customer id as the key.
 * Records written here are read by the official CloudEvents SDKs and vice versa.
 */
public final class CloudEventsKafka {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    /** The contract's JSON rules ({@link StrictJson}), with the codec's fast paths. */
    private static final JsonMapper JSON = StrictJson.configure(JsonMapper.builder()).build();

    /** A reader and a writer per type, so no call looks up its (de)serializer again. */
    private static final Map<EventType, ObjectReader> READERS = new EnumMap<>(EventType.class);
    private static final Map<EventType, ObjectWriter> WRITERS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            READERS.put(type, JSON.readerFor(type.dataClass()));
            WRITERS.put(type, JSON.writerFor(type.dataClass()));
        }
    }

    private CloudEventsKafka() {
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope<?> event) {
        Headers headers = new RecordHeaders();
        put(headers, ID, event.id());
        put(headers, TYPE, event.type().type());
        put(headers, SOURCE, event.source().toString());
        put(headers, SPECVERSION, SPEC_VERSION);
        put(headers, TIME, Timestamps.format(event.time()));
        put(headers, SUBJECT, event.subject());
        put(headers, CONTENT_TYPE_HEADER, CONTENT_TYPE);
        return new ProducerRecord<>(topic, null, event.subject(), WRITERS.get(event.type()).writeValueAsBytes(event.data()),
                headers);
    }

    /** Reads a record; any problem is an {@link InvalidEventException} that names it. */
    public static EventEnvelope<?> fromRecord(ConsumerRecord<String, byte[]> record) {
        CeHeaders headers = CeHeaders.of(record.headers());
        if (!headers.isSpecVersion10()) {
            throw new InvalidEventException("ce_specversion must be 1.0 but was " + headers.text(CeHeaders.SPECVERSION));
        }
        EventType type = EventType.ofType(headers.text(CeHeaders.TYPE));
        if (record.value() == null) {
            throw new InvalidEventException("record of type " + type.type() + " has no data");
        }
        Object data;
        try {
            data = READERS.get(type).readValue(record.value());
        } catch (JacksonException e) {
            throw new InvalidEventException("data is not a valid " + type.type() + ": " + rootMessage(e), e);
        }
        try {
            EventEnvelope<?> event = new EventEnvelope<>(headers.text(CeHeaders.ID), type, headers.source(),
                    Timestamps.parse(headers.required(CeHeaders.TIME)), headers.text(CeHeaders.SUBJECT), data);
            if (record.key() != null && !record.key().equals(event.subject())) {
                throw new InvalidEventException("record key " + record.key() + " differs from ce_subject " + event.subject());
            }
            return event;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidEventException("invalid CloudEvent attributes: " + e.getMessage(), e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
