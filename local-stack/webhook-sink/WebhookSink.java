import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for trying Tierwatch by hand: prints every alert it gets and whether its
 * X-Tierwatch-Signature (HMAC-SHA256 of the raw body with the rep's secret) is valid.
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
            String signature = exchange.getRequestHeaders().getFirst("X-Tierwatch-Signature");
            System.out.printf("%s %s  signature %s%n%s%n%n", exchange.getRequestMethod(), exchange.getRequestURI(),
                    verify(body, signature, secret) ? "valid" : "INVALID (" + signature + ")",
                    new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("webhook sink listening on http://127.0.0.1:" + port + "/hook (secret '" + secret + "')");
    }

    static boolean verify(byte[] body, String header, String secret) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            // constant-time comparison, as a real receiver must do
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.substring("sha256=".length())));
        } catch (Exception e) {
            return false;
        }
    }
}
