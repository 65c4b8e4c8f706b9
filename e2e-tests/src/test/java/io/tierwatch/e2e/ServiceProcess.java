package io.tierwatch.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import io.tierwatch.testsupport.AuthServer;
import io.tierwatch.testsupport.FreePorts;
import io.tierwatch.testsupport.Tokens;

/**
 * One service's runnable jar as a child process, as it runs in production; its output goes to
 * {@code target/e2e-logs/<service>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, List<String> args) throws IOException {
        return start(name, name, args);
    }

    /** {@code instance} names the log, so two instances of one service keep theirs apart. */
    static ServiceProcess start(String name, String instance, List<String> args) throws IOException {
        int port = FreePorts.find();
        Path log = Path.of("target", "e2e-logs", instance + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jarOf(name).toString(), "--server.port=" + port,
                // tokens come from the real auth-server, with the test accounts
                "--tierwatch.security.issuer-uri=" + AuthServer.shared().issuer(),
                "--spring.security.oauth2.client.registration.tierwatch.client-secret=secret-notification-service"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ServiceProcess(name, port, process, log);
    }

    void awaitHealthy() {
        Awaitility.await(name + " healthy (log: " + log.toAbsolutePath() + ")").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited; see " + log.toAbsolutePath(), () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().endsWith("\"status\":\"UP\"}"));
    }

    /** SIGKILL ({@code kill -9}), as a crash would: no shutdown hook runs, nothing is committed or handed over. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A request to this service with a system's token ({@code everything}: every scope). */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + Tokens.client("everything"));
    }

    /** A request to this service as this person, logged in at the auth-server. */
    HttpRequest.Builder requestAs(String user, String path) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + Tokens.user(user));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path jarOf(String service) throws IOException {
        Path target = Path.of("..", service, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target.toAbsolutePath()
                            + ": build the services first (./mvnw verify builds them before this module)"));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
