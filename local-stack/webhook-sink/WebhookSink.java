import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for trying Tierwatch by hand: prints every alert it gets and whether its
 * Standard Webhooks signature is valid: webhook-signature is "v1," + base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<raw body>" with the rep's secret, and the timestamp is at most
 * five minutes old, so a captured alert sent again later is refused.
 * Usage: java local-stack/webhook-sink/WebhookSink.java [port] [secret] [bind address]
 */
public class WebhookSink {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
        String secret = args.length > 1 ? args[1] : "demo-secret";
        String bind = args.length > 2 ? args[2] : "127.0.0.1";
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            String timestamp = headers.getFirst("webhook-timestamp");
            String signature = headers.getFirst("webhook-signature");
            String verdict = verify(body, id, timestamp, signature, secret);
            System.out.printf("%s %s  signature %s%n%s%n%n", exchange.getRequestMethod(), exchange.getRequestURI(),
                    verdict, new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("webhook sink listening on http://127.0.0.1:" + port + "/hook (secret '" + secret + "')");
    }

    /** "valid", or why not. */
    static String verify(byte[] body, String id, String timestamp, String signatures, String secret) {
        if (id == null || timestamp == null || signatures == null) {
            return "INVALID (no webhook-id, webhook-timestamp or webhook-signature header)";
        }
        long age;
        try {
            age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return "INVALID (webhook-timestamp " + timestamp + ")";
        }
        if (age > 300) {
            return "INVALID (sent " + age + " s ago: a replay?)";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatures.split(" ")) {
                // constant-time comparison, as a real receiver must do
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                    return "valid";
                }
            }
            return "INVALID (" + signatures + ")";
        } catch (Exception e) {
            return "INVALID (" + e + ")";
        }
    }
}
