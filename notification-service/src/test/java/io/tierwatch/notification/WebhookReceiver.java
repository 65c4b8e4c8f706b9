package io.tierwatch.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.notification.webhook.HmacSignature;
import io.tierwatch.notification.webhook.StandardWebhookSignature;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP endpoint standing in for a rep's webhook: it verifies the HMAC signature as a
 * receiver must, keeps what it got, and can be told to fail the next N requests.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with whether its signature verified. */
    public record Received(JsonNode body, String signature, boolean signatureValid) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failures.incrementAndGet();
                status = 503;
            } else {
                var headers = exchange.getRequestHeaders();
                String signature = headers.getFirst(HmacSignature.HEADER);
                // valid only if both hold: the Standard Webhooks signature (id, fresh timestamp, body) and the earlier one
                boolean standard = StandardWebhookSignature.verify(secret, headers.getFirst(StandardWebhookSignature.ID),
                        headers.getFirst(StandardWebhookSignature.TIMESTAMP), body,
                        headers.getFirst(StandardWebhookSignature.SIGNATURE), java.time.Instant.now());
                received.add(new Received(CloudEventsKafka.json().readTree(body), signature,
                        standard && HmacSignature.verify(secret, body, signature)));
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start(String secret) {
        try {
            return new WebhookReceiver(secret);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public String secret() {
        return secret;
    }

    public List<Received> receivedFor(String customerId) {
        return received.stream().filter(r -> customerId.equals(r.body().path("customerId").asString())).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    /** Answers 503 to the next {@code count} requests. */
    public void failNext(int count) {
        failNext.set(count);
    }

    public int failures() {
        return failures.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
