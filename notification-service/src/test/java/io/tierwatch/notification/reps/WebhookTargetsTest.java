package io.tierwatch.notification.reps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Literal addresses only (nothing here asks DNS): which targets a webhook may have. */
class WebhookTargetsTest {

    @Test
    void internalAddressesAreNeverTargetsAndHttpsIsRequired() throws UnknownHostException {
        for (String internal : List.of("127.0.0.1", "127.9.9.9", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255", "224.0.0.1", "::1", "fe80::1", "fd00::1",
                "fc12::1", "::ffff:127.0.0.1")) {
            assertThat(WebhookTargets.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("93.184.216.34", "100.128.0.1", "172.32.0.1", "8.8.8.8", "2606:4700::1111")) {
            assertThat(WebhookTargets.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void theAllowListMatchesWholeOriginsNotPrefixes() {
        URI sink = URI.create("http://127.0.0.1:9099");
        assertThat(WebhookTargets.sameOrigin(sink, URI.create("http://127.0.0.1:9099/hook"))).isTrue();
        assertThat(WebhookTargets.sameOrigin(sink, URI.create("http://127.0.0.1:8081/api/v1/orders"))).isFalse();
        assertThat(WebhookTargets.sameOrigin(sink, URI.create("https://127.0.0.1:9099/hook"))).isFalse();
        URI anyPort = URI.create("https://hooks.example.com");
        assertThat(WebhookTargets.sameOrigin(anyPort, URI.create("https://HOOKS.example.com:8443/x"))).isTrue();
        assertThat(WebhookTargets.sameOrigin(anyPort, URI.create("https://hooks.example.com.evil.net/x"))).isFalse();
    }
}
