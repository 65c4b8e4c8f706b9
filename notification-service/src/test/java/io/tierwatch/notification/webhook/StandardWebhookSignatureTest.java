package io.tierwatch.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Reference values from openssl, e.g.
 * {@code printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' | openssl dgst -sha256
 * -mac HMAC -macopt hexkey:<hex of the decoded whsec_ secret> -binary | base64}.
 */
class StandardWebhookSignatureTest {

    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsIdTimestampAndBodyAsTheStandardDoes() {
        // a whsec_ secret is the base64 of the key, as the Standard Webhooks libraries read it
        assertThat(StandardWebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        // any other secret is its UTF-8 bytes
        assertThat(StandardWebhookSignature.sign("demo-secret", "tier:c-1:2", 1796176000,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("v1,ZWvODoqsRmMJzLp4Ax7Ii1Ygim213F/EClk0oaIeSUw=");
    }

    @Test
    void aReceiverRefusesAReplayedOrAlteredDelivery() {
        String secret = "s3cret-rep-1-0123456789";
        Instant sent = Instant.parse("2026-12-02T10:00:00Z");
        String signature = StandardWebhookSignature.sign(secret, "tier:c:2", sent.getEpochSecond(), BODY);
        String timestamp = Long.toString(sent.getEpochSecond());

        assertThat(StandardWebhookSignature.verify(secret, "tier:c:2", timestamp, BODY, signature, sent.plusSeconds(3)))
                .isTrue();
        // the same delivery captured and sent again ten minutes later
        assertThat(StandardWebhookSignature.verify(secret, "tier:c:2", timestamp, BODY, signature, sent.plusSeconds(600)))
                .isFalse();
        // another id, another time, another body, another secret
        assertThat(StandardWebhookSignature.verify(secret, "tier:c:3", timestamp, BODY, signature, sent)).isFalse();
        assertThat(StandardWebhookSignature.verify(secret, "tier:c:2", Long.toString(sent.getEpochSecond() + 1), BODY,
                signature, sent)).isFalse();
        assertThat(StandardWebhookSignature.verify(secret, "tier:c:2", timestamp, "{}".getBytes(StandardCharsets.UTF_8),
                signature, sent)).isFalse();
        assertThat(StandardWebhookSignature.verify("other-secret-0123456789", "tier:c:2", timestamp, BODY, signature, sent))
                .isFalse();
        // several signatures, space-separated (key rotation): one valid is enough
        assertThat(StandardWebhookSignature.verify(secret, "tier:c:2", timestamp, BODY, "v1,bm9wZQ== " + signature, sent))
                .isTrue();
    }
}
