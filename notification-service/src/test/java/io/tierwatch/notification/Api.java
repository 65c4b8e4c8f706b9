package io.tierwatch.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.testsupport.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * A plain HTTP client for the service's API, with a bearer token from the real auth-server (a
 * person's, after logging in as they would), or with none.
 */
public record Api(String baseUrl, String token) {

    public record Response(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            return CloudEventsKafka.json().readTree(body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** As this person: rep-1, rep-2, rep-3, boss (their manager), manager-a, admin (test-accounts.yml). */
    public static Api as(String baseUrl, String user) {
        return new Api(baseUrl, Tokens.user(user));
    }

    /** As a system, with a client-credentials token. */
    public static Api asClient(String baseUrl, String clientId) {
        return new Api(baseUrl, Tokens.client(clientId));
    }

    public static Api anonymous(String baseUrl) {
        return new Api(baseUrl, null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
