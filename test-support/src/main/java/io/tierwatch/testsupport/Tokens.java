package io.tierwatch.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.tierwatch.contracts.CloudEventsKafka;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens from the real {@link AuthServer}, got the way real callers get them: systems with
 * client credentials, people with authorization code + PKCE through the login form. Tokens are
 * kept until a minute before they expire. Passwords are {@code pw-<user>}, client secrets
 * {@code secret-<client>} ({@code test-accounts.yml}).
 */
public final class Tokens {

    /** The test web client (public, PKCE) people log in through. */
    public static final String WEB_CLIENT = "tierwatch-test";
    private static final String REDIRECT = "http://127.0.0.1/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    private Tokens() {
    }

    /** A system's token with all of its scopes. */
    public static String client(String clientId) {
        return CACHE.compute("client:" + clientId, (k, t) -> fresh(t) ? t : clientCredentials(clientId, null)).value();
    }

    /** A system's token with just these scopes (space-separated), never cached. */
    public static String client(String clientId, String scopes) {
        return clientCredentials(clientId, scopes).value();
    }

    /** A person's access token, after logging in as they would in a browser. */
    public static String user(String username) {
        return CACHE.compute("user:" + username, (k, t) -> fresh(t) ? t : login(username, "pw-" + username)).value();
    }

    /** {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static boolean fresh(Token token) {
        return token != null && Instant.now().plusSeconds(60).isBefore(token.expires());
    }

    private static Token clientCredentials(String clientId, String scopes) {
        String form = "grant_type=client_credentials" + (scopes == null ? "" : "&scope=" + encode(scopes));
        HttpRequest request = HttpRequest.newBuilder(AuthServer.shared().uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":secret-" + clientId).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return token(send(HttpClient.newHttpClient(), request), "client " + clientId);
    }

    static Token login(String username, String password) {
        AuthServer server = AuthServer.shared();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(8);
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + WEB_CLIENT + "&scope=openid"
                + "&redirect_uri=" + encode(REDIRECT) + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        send(http, HttpRequest.newBuilder(server.uri(authorize)).GET().build()); // saves the request, sends to /login
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(server.uri("/login")).GET().build());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token: " + page.body());
        }
        HttpResponse<String> loggedIn = send(http, HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))).build());
        String next = loggedIn.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("login of " + username + " failed: " + loggedIn.statusCode()));
        if (next.contains("error")) {
            throw new IllegalStateException("login of " + username + " refused (wrong password?)");
        }
        HttpResponse<String> redirected = send(http, HttpRequest.newBuilder(URI.create(next).isAbsolute()
                ? URI.create(next) : server.uri(next)).GET().build());
        String callback = redirected.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no code for " + username + ": " + redirected.body()));
        Map<String, String> query = query(URI.create(callback));
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("bad authorization response for " + username + ": " + callback);
        }
        HttpRequest exchange = HttpRequest.newBuilder(server.uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", query.get("code"), "redirect_uri", REDIRECT, "client_id", WEB_CLIENT,
                        "code_verifier", verifier)))).build();
        return token(send(http, exchange), "user " + username);
    }

    private static Token token(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + who + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode body = CloudEventsKafka.json().readTree(response.body());
        return new Token(body.get("access_token").asString(),
                Instant.now().plusSeconds(body.get("expires_in").asLong()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("auth-server unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The claims of a token, unverified: for assertions about what the issuer put in. */
    public static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return CloudEventsKafka.json().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static Duration ttl(String token) {
        JsonNode claims = claims(token);
        return Duration.ofSeconds(claims.get("exp").asLong() - claims.get("iat").asLong());
    }
}
