package io.tierwatch.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HmacSignatureTest {

    private final byte[] body = "{\"customerId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheBodyAsHexHmacSha256WithTheSecret() {
        // Reference value from: printf '%s' '{"customerId":"c-1"}' | openssl dgst -sha256 -hmac secret
        assertThat(HmacSignature.sign("secret", body))
                .isEqualTo("sha256=414c3c5080990e468f8a36277d05dd8c44ad730b358ade404e03153278ac536d");
    }

    @Test
    void aReceiverRejectsAnotherSecretOrAChangedBody() {
        String signature = HmacSignature.sign("secret", body);
        assertThat(HmacSignature.verify("secret", body, signature)).isTrue();
        assertThat(HmacSignature.verify("other", body, signature)).isFalse();
        assertThat(HmacSignature.verify("secret", "{\"customerId\":\"c-2\"}".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(HmacSignature.verify("secret", body, null)).isFalse();
    }
}
