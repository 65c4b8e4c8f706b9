package io.tierwatch.contracts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@code ce_*} headers of one record, read in a single pass over the headers (the last of a
 * name wins, as with {@code Headers.lastHeader}); the text of one is only made when asked for.
 */
final class CeHeaders {

    static final int SPECVERSION = 0;
    static final int TYPE = 1;
    static final int ID = 2;
    static final int SOURCE = 3;
    static final int TIME = 4;
    static final int SUBJECT = 5;
    private static final String[] NAMES = {CloudEventsKafka.SPECVERSION, CloudEventsKafka.TYPE, CloudEventsKafka.ID,
        CloudEventsKafka.SOURCE, CloudEventsKafka.TIME, CloudEventsKafka.SUBJECT};
    private static final byte[] SPEC_VERSION = CloudEventsKafka.SPEC_VERSION.getBytes(StandardCharsets.UTF_8);

    /** Producers have one source each, so few distinct ones exist; URI parsing showed in decoder profiles. */
    private static final int MAX_SOURCES = 64;
    private static final Map<String, URI> SOURCES = new ConcurrentHashMap<>();

    private final byte[][] values = new byte[NAMES.length][];

    private CeHeaders() {
    }

    static CeHeaders of(Headers headers) {
        CeHeaders read = new CeHeaders();
        for (Header header : headers) {
            int index = indexOf(header.key());
            if (index >= 0) {
                read.values[index] = header.value();
            }
        }
        return read;
    }

    private static int indexOf(String name) {
        return switch (name) {
            case CloudEventsKafka.SPECVERSION -> SPECVERSION;
            case CloudEventsKafka.TYPE -> TYPE;
            case CloudEventsKafka.ID -> ID;
            case CloudEventsKafka.SOURCE -> SOURCE;
            case CloudEventsKafka.TIME -> TIME;
            case CloudEventsKafka.SUBJECT -> SUBJECT;
            default -> -1;
        };
    }

    /** Byte-equal to "1.0": no string is made for the common case. */
    boolean isSpecVersion10() {
        return Arrays.equals(values[SPECVERSION], SPEC_VERSION);
    }

    /** The header's text, or null if it is missing or has no value. */
    String text(int index) {
        byte[] value = values[index];
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    String required(int index) {
        String value = text(index);
        if (value == null) {
            throw new InvalidEventException("header " + NAMES[index] + " is missing");
        }
        return value;
    }

    /** {@code URI.create} of the required ce_source, parsed once per distinct source. */
    URI source() {
        String text = required(SOURCE);
        URI source = SOURCES.get(text);
        if (source == null) {
            source = URI.create(text);
            if (SOURCES.size() < MAX_SOURCES) {
                SOURCES.put(text, source);
            }
        }
        return source;
    }
}
