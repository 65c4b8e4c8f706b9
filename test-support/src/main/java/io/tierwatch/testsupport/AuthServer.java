package io.tierwatch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import io.tierwatch.harness.ServiceProcess;

/**
 * The real authorization server (the {@code auth-server} module's runnable jar, as {@code ./tierwatch up}
 * runs it) as a child process, once per test JVM, with the accounts of {@code test-accounts.yml}.
 * Its log is {@code target/auth-server.log}.
 */
public final class AuthServer {

    private static AuthServer shared;
    private static boolean up;

    private final ServiceProcess process;
    private final String issuer;

    private AuthServer(ServiceProcess process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** The running server, started on first use and stopped when the JVM exits. */
    public static synchronized AuthServer shared() {
        begin();
        if (!up) {
            shared.awaitUp();
            up = true;
        }
        return shared;
    }

    /** Starts the process without waiting for it, so that it comes up while other parts start. */
    public static synchronized void begin() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "auth-server-stop"));
        }
    }

    /** The issuer URI, the {@code iss} of its tokens; services discover the rest from it. */
    public String issuer() {
        return issuer;
    }

    public URI uri(String path) {
        return URI.create(issuer + path);
    }

    private static AuthServer start() {
        int port = FreePorts.find();
        String issuer = "http://127.0.0.1:" + port;
        try {
            Path accounts = Files.createTempFile("tierwatch-test-accounts", ".yml");
            accounts.toFile().deleteOnExit();
            try (InputStream in = AuthServer.class.getResourceAsStream("test-accounts.yml")) {
                Files.copy(in, accounts, StandardCopyOption.REPLACE_EXISTING);
            }
            ServiceProcess process = ServiceProcess.start("auth-server", runnableJar(), port,
                    List.of("-Xmx192m", "-XX:TieredStopAtLevel=1"), List.of("--server.address=127.0.0.1",
                            "--tierwatch.auth.issuer=" + issuer,
                            "--spring.config.additional-location=file:" + accounts.toAbsolutePath()),
                    Path.of("target", "auth-server.log"));
            return new AuthServer(process, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the auth-server", e);
        }
    }

    private void awaitUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await("auth-server up (log: target/auth-server.log)").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("auth-server exited; see target/auth-server.log", () -> !process.isAlive())
                .until(() -> http.send(HttpRequest.newBuilder(uri("/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private void stop() {
        process.close();
    }

    /**
     * auth-server's runnable jar: beside this project's modules ({@code ../auth-server/target}), or,
     * for a module outside the tree, at {@code -Dtierwatch.auth-server.jar}.
     */
    private static Path runnableJar() throws IOException {
        String configured = System.getProperty("tierwatch.auth-server.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path target = Path.of("..", "auth-server", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                java.util.Optional<Path> jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("no auth-server jar in " + target.toAbsolutePath()
                + ": build it first (./mvnw verify builds it before every module whose tests use it)");
    }
}
