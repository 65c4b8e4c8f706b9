package io.tierwatch.order.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.tierwatch.contracts.CloudEventsKafka;

/**
 * The SHA-256 of a submission's content as JSON. Records serialise their components in
 * declaration order and amounts as normalised decimal strings, so equal content always gives
 * an equal fingerprint ("12.5" and "12.50" are the same amount).
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CloudEventsKafka.json().writeValueAsBytes(content));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
