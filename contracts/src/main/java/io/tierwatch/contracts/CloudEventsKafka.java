package io.tierwatch.contracts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

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

    /**
     * Unknown fields are ignored, so adding an optional field to a v1 type does not break
     * consumers; a missing primitive fails, so a truncated record is not read as zeros.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * The records' codec: {@link #JSON} plus fast paths for instants and record constructors
     * that give the same results; a reader and a writer per type, so no call looks up its
     * (de)serializer again.
     */
    private static final JsonMapper CODEC = JSON.rebuild()
            .addModule(new SimpleModule("tierwatch-codec") {
                @Override
                public void setupModule(SetupContext context) {
                    super.setupModule(context);
                    context.addValueInstantiators(new RecordInstantiators());
                }
            }.addDeserializer(Instant.class, new InstantReader()).addSerializer(Instant.class, new InstantWriter()))
            .build();
    private static final Map<EventType, ObjectReader> READERS = new EnumMap<>(EventType.class);
    private static final Map<EventType, ObjectWriter> WRITERS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            READERS.put(type, CODEC.readerFor(type.dataClass()));
            WRITERS.put(type, CODEC.writerFor(type.dataClass()));
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
        Headers headers = record.headers();
        String specVersion = header(headers, SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("ce_specversion must be 1.0 but was " + specVersion);
        }
        EventType type = EventType.ofType(header(headers, TYPE));
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
            EventEnvelope<?> event = new EventEnvelope<>(header(headers, ID), type, URI.create(require(headers, SOURCE)),
                    Timestamps.parse(require(headers, TIME)), header(headers, SUBJECT), data);
            if (record.key() != null && !record.key().equals(event.subject())) {
                throw new InvalidEventException("record key " + record.key() + " differs from ce_subject " + event.subject());
            }
            return event;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidEventException("invalid CloudEvent attributes: " + e.getMessage(), e);
        }
    }

    private static String require(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new InvalidEventException("header " + name + " is missing");
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
