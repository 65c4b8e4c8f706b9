package io.tierwatch.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The bench rep's webhook endpoint: notes when each alert arrives, by the tier event id in the
 * {@code X-Tierwatch-Event-Id} header, and answers 204 at once so it never slows delivery.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String EVENT_ID_HEADER = "X-Tierwatch-Event-Id";

    private final HttpServer server;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private volatile long lastArrival;

    public WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst(EVENT_ID_HEADER);
            if (id != null) {
                arrivals.putIfAbsent(id, now);
                lastArrival = now;
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Map<String, Long> arrivals() {
        return arrivals;
    }

    long lastArrival() {
        return lastArrival;
    }

    void reset() {
        arrivals.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
