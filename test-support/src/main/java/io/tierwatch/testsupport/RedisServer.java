package io.tierwatch.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import redis.clients.jedis.Jedis;

/**
 * A private {@code redis-server} process on a free loopback port, without persistence unless
 * made {@link #persistent()}. Tests can {@link #stop()} and {@link #start()} it again on the same
 * port to exercise an outage: without persistence its data is gone, with it every write is back
 * (append-only file, written out on the graceful stop).
 */
public final class RedisServer implements RedisEndpoint {

    private final int port;
    private final Path workDir;
    private final boolean persistent;
    private Process process;

    public RedisServer() {
        this(false);
    }

    /** A server that keeps its data across {@link #stop()} and {@link #start()}. */
    public static RedisServer persistent() {
        return new RedisServer(true);
    }

    private RedisServer(boolean persistent) {
        this.persistent = persistent;
        this.port = FreePorts.find();
        try {
            this.workDir = Files.createTempDirectory("tierwatch-redis-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a work directory for redis-server", e);
        }
    }

    public static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("redis-server is not on PATH. Install it (Debian/Ubuntu: "
                + "`apt-get install -y redis-server`; macOS: `brew install redis`) or run the tests where Docker exists.");
    }

    public synchronized RedisServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            process = new ProcessBuilder(List.of(executable(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", persistent ? "yes" : "no", "--appendfsync", "everysec",
                    "--dir", workDir.toString(), "--daemonize", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    try (Jedis jedis = new Jedis(host(), port)) {
                        return "PONG".equals(jedis.ping());
                    }
                });
        return this;
    }

    /**
     * Stops the server (SIGTERM), as an outage would; without persistence its data is gone (Redis
     * is a cache of Kafka's history).
     */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }
}
