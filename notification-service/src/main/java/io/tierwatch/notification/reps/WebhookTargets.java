package io.tierwatch.notification.reps;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;

/**
 * Where a webhook may point. A rep chooses the URL, and notification-service calls it from inside
 * the network, so an unchecked URL is a way to make the service call internal systems (server-side
 * request forgery: {@code http://127.0.0.1:8081/api/v1/orders}). A target is allowed when:
 * <ul>
 * <li>its origin (scheme, host, and port if the entry names one) is on
 *     {@code tierwatch.delivery.webhook-allow-list}, which a deployment configures (the local stack
 *     lists its demo sink); or</li>
 * <li>it is https, and none of the addresses its host resolves to is loopback, link-local,
 *     private (RFC 1918, IPv6 unique-local), carrier-grade NAT, unspecified or multicast.</li>
 * </ul>
 * Checked when a rep saves the URL and again before every delivery, since DNS answers change. A
 * name that resolves differently between the check and the connection is not caught (Java's HTTP
 * client resolves on its own); the check before each delivery narrows that window to milliseconds.
 */
@Component
public class WebhookTargets {

    private final List<URI> allowList;

    WebhookTargets(NotificationProperties properties) {
        this.allowList = properties.delivery().webhookAllowList();
    }

    /** Null when {@code url} may be called; else why not, in words for the rep. */
    public String refusal(URI url) {
        if (url == null || url.getHost() == null || url.getScheme() == null) {
            return "must be an absolute https URL";
        }
        if (allowList.stream().anyMatch(origin -> sameOrigin(origin, url))) {
            return null;
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return "must be https (http only for a target on the deployment's webhook allow-list)";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return "host " + url.getHost() + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return "host " + url.getHost() + " resolves to an internal address (" + address.getHostAddress()
                        + "): loopback, link-local and private networks are not webhook targets";
            }
        }
        return null;
    }

    static boolean sameOrigin(URI origin, URI url) {
        return origin.getScheme() != null && origin.getScheme().equalsIgnoreCase(url.getScheme())
                && origin.getHost() != null && origin.getHost().toLowerCase(Locale.ROOT)
                        .equals(url.getHost().toLowerCase(Locale.ROOT))
                && (origin.getPort() == -1 || origin.getPort() == port(url));
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128); // 0.0.0.0/8, 100.64.0.0/10
    }
}
