package io.tierwatch.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A rep's webhook endpoint, {@code /hook}: answers 204 at once, so it never slows delivery, and
 * checks both signatures notification-service sends. Standard Webhooks: {@code webhook-signature}
 * is {@code v1,} + base64 HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<raw body>}
 * with the rep's secret, and the timestamp at most five minutes old, so a captured alert sent
 * again later is refused; and {@code X-Tierwatch-Signature: sha256=<hex HMAC of the body>}.
 * The bench notes only when each alert arrived; the end-to-end tests keep every delivery; the
 * local stack runs it as a program that prints them:
 * {@code java harness/src/main/java/io/tierwatch/harness/WebhookReceiver.java [port] [secret] [bind address]}.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String EVENT_ID_HEADER = "X-Tierwatch-Event-Id";
    private static final long TOLERANCE_SECONDS = 300;

    /**
     * One alert as it arrived.
     *
     * @param standardWebhook "valid", or why the Standard Webhooks signature is not
     */
    public record Delivery(String eventId, long arrivedNanos, String body, boolean hmacValid, String standardWebhook) {

        public boolean signatureValid() {
            return hmacValid && "valid".equals(standardWebhook);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String secret;
    private final boolean keep;
    private final Consumer<Delivery> listener;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile long lastArrival;

    private WebhookReceiver(String bind, int port, String secret, boolean keep, Consumer<Delivery> listener)
            throws IOException {
        this.secret = secret;
        this.keep = keep;
        this.listener = listener;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 256);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            received(now, body, exchange.getRequestHeaders());
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Notes each alert's first arrival by its event id, and nothing else: for measuring latency. */
    public static WebhookReceiver timing(int port) throws IOException {
        return new WebhookReceiver("127.0.0.1", port, null, false, d -> { });
    }

    /** Keeps every delivery with its signatures checked against {@code secret}, on a free port. */
    public static WebhookReceiver verifying(String secret) throws IOException {
        return new WebhookReceiver("127.0.0.1", 0, secret, true, d -> { });
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
        String secret = args.length > 1 ? args[1] : "demo-secret";
        String bind = args.length > 2 ? args[2] : "127.0.0.1";
        new WebhookReceiver(bind, port, secret, false, d -> System.out.printf("POST /hook  signature %s%n%s%n%n",
                d.signatureValid() ? "valid" : "INVALID (" + (d.hmacValid() ? d.standardWebhook()
                        : "X-Tierwatch-Signature does not match") + ")", d.body()));
        System.out.println("webhook sink listening on http://" + bind + ":" + port + "/hook (secret '" + secret + "')");
    }

    private void received(long now, byte[] body, Headers headers) {
        String id = headers.getFirst(EVENT_ID_HEADER);
        if (id != null) {
            arrivals.putIfAbsent(id, now);
            lastArrival = now;
        }
        if (secret == null) {
            return;
        }
        Delivery delivery = new Delivery(id, now, new String(body, StandardCharsets.UTF_8),
                hmacValid(body, headers.getFirst("X-Tierwatch-Signature")), standardWebhook(body,
                        headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature")));
        if (keep) {
            deliveries.add(delivery);
        }
        listener.accept(delivery);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** First arrival (System.nanoTime) of each alert, by event id. */
    public Map<String, Long> arrivals() {
        return arrivals;
    }

    public long lastArrival() {
        return lastArrival;
    }

    public void reset() {
        arrivals.clear();
        deliveries.clear();
    }

    private boolean hmacValid(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            return MessageDigest.isEqual(hmac().doFinal(body), HexFormat.of().parseHex(header.substring("sha256=".length())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** "valid", or why not. */
    private String standardWebhook(byte[] body, String id, String timestamp, String signatures) {
        if (id == null || timestamp == null || signatures == null) {
            return "no webhook-id, webhook-timestamp or webhook-signature header";
        }
        long age;
        try {
            age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return "webhook-timestamp " + timestamp;
        }
        if (age > TOLERANCE_SECONDS) {
            return "sent " + age + " s ago: a replay?";
        }
        try {
            Mac mac = hmac();
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatures.split(" ")) {
                // constant-time comparison, as a real receiver must do
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                    return "valid";
                }
            }
            return "webhook-signature " + signatures + " does not match";
        } catch (GeneralSecurityException e) {
            return e.toString();
        }
    }

    private Mac hmac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
