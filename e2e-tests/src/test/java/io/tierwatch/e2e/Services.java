package io.tierwatch.e2e;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tierwatch.harness.ServiceProcess;
import io.tierwatch.testsupport.AuthServer;
import io.tierwatch.testsupport.FreePorts;
import io.tierwatch.testsupport.Tokens;

/**
 * The services of an end-to-end test, each its runnable jar as a child process on a free port,
 * logging to {@code target/e2e-logs/<instance>.log}, with tokens from the real auth-server.
 */
final class Services {

    static final Duration START = Duration.ofSeconds(180);

    private Services() {
    }

    static ServiceProcess start(String name, List<String> args) throws IOException {
        return start(name, name, args);
    }

    /** {@code instance} names the log, so two instances of one service keep theirs apart. */
    static ServiceProcess start(String name, String instance, List<String> args) throws IOException {
        // tokens come from the real auth-server, with the test accounts (secrets "secret-<client-id>")
        List<String> all = new ArrayList<>(List.of("--tierwatch.security.issuer-uri=" + AuthServer.shared().issuer()));
        if (name.equals("notification-service") || name.equals("portal")) {
            all.add("--spring.security.oauth2.client.registration.tierwatch.client-secret=secret-" + name);
        }
        all.addAll(args);
        return ServiceProcess.start(instance, ServiceProcess.jarOf(Path.of("..", name)), FreePorts.find(),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), all, Path.of("target", "e2e-logs", instance + ".log"));
    }

    /** A request to the service with a system's token ({@code everything}: every scope). */
    static HttpRequest.Builder request(ServiceProcess service, String path) {
        return HttpRequest.newBuilder(service.url(path)).header("Authorization", "Bearer " + Tokens.client("everything"));
    }

    /** A request to the service as this person, logged in at the auth-server. */
    static HttpRequest.Builder requestAs(ServiceProcess service, String user, String path) {
        return HttpRequest.newBuilder(service.url(path)).header("Authorization", "Bearer " + Tokens.user(user));
    }
}
