package io.tierwatch.order;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the service under test, as any client would call it: with a bearer
 * token from the real auth-server (a system with every scope unless {@link #as} says otherwise),
 * or with none ({@link #anonymous}).
 */
public record Http(int port, String token) {

    public Http(int port) {
        this(port, io.tierwatch.testsupport.Tokens.client("everything"));
    }

    public static Http anonymous(int port) {
        return new Http(port, null);
    }

    /** The same service, called with another token. */
    public Http as(String otherToken) {
        return new Http(port, otherToken);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart/form-data upload, each file a part named {@code file}, streamed from disk. */
    public Response postFiles(String path, java.util.List<java.nio.file.Path> files) {
        String boundary = "tierwatch-" + java.util.UUID.randomUUID();
        java.util.List<HttpRequest.BodyPublisher> parts = new java.util.ArrayList<>();
        try {
            for (java.nio.file.Path file : files) {
                parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n"));
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
                parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
            }
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
    }

    /** One part of a multipart upload; {@code filename} null for a plain field. */
    public record Part(String name, String filename, String contentType, String content) {
    }

    public Response postParts(String path, java.util.List<Part> parts) {
        String boundary = "tierwatch-" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part.name())
                    .append('"').append(part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"")
                    .append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n").append(part.content())
                    .append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response postCsv(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
