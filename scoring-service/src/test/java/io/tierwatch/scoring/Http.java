package io.tierwatch.scoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.tierwatch.contracts.CloudEventsKafka;
import tools.jackson.databind.JsonNode;

/**
 * Plain HTTP against the running service, as curl would: with a bearer token from the real
 * auth-server (a system with {@code scores:read} unless a token is given), or none.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            return CloudEventsKafka.json().readTree(body);
        }
    }

    private Http() {
    }

    /**
     * The portfolio, once a background snapshot shows what {@code holds} asks: the portfolio is
     * served from snapshots, so what a test just scored appears at the next one.
     */
    public static tools.jackson.databind.JsonNode portfolio(int port, String token,
            java.util.function.Predicate<tools.jackson.databind.JsonNode> holds) {
        return org.awaitility.Awaitility.await("a portfolio snapshot that holds it").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> get(port, "/api/v1/portfolio?mapPoints=100000", token),
                        r -> r.status() == 200 && holds.test(r.json())).json();
    }

    public static Reply get(int port, String path) {
        return get(port, path, io.tierwatch.testsupport.Tokens.client("reader"));
    }

    /** A GET with this token; null sends none. */
    public static Reply get(int port, String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
