package io.tierwatch.scoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.tierwatch.contracts.CloudEventsKafka;
import tools.jackson.databind.JsonNode;

/** Plain HTTP against the running service, as curl would. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            return CloudEventsKafka.json().readTree(body);
        }
    }

    private Http() {
    }

    public static Reply get(int port, String path) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
