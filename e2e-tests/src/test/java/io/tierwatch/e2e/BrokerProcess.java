package io.tierwatch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

import io.tierwatch.testsupport.FreePorts;
import io.tierwatch.testsupport.KafkaEndpoint;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) as a child process,
 * from the same jars and the same {@code local-stack/kafka-server.properties} as {@code ./tierwatch
 * up}, so it can be killed with SIGKILL and started again on the same ports and log directory.
 */
final class BrokerProcess implements KafkaEndpoint {

    private final int port = FreePorts.find();
    private final int controllerPort = FreePorts.find();
    private final Path dir;
    private final Path config;
    private final Path log;
    private Process process;

    private BrokerProcess(Path dir) {
        this.dir = dir;
        this.config = dir.resolve("server.properties");
        this.log = Path.of("target", "e2e-logs", "kafka.log");
    }

    static BrokerProcess start() throws IOException, InterruptedException {
        BrokerProcess broker = new BrokerProcess(Files.createTempDirectory("tierwatch-chaos-kafka"));
        Files.createDirectories(broker.log.getParent());
        String properties = Files.readString(Path.of("..", "local-stack", "kafka-server.properties"))
                .replace("${KAFKA_PORT}", String.valueOf(broker.port))
                .replace("${CONTROLLER_PORT}", String.valueOf(broker.controllerPort))
                .replace("${DATA_DIR}", broker.dir.resolve("data").toString());
        Files.writeString(broker.config, properties);
        Process format = broker.java("kafka.tools.StorageTool", "format", "-t",
                org.apache.kafka.common.Uuid.randomUuid().toString(), "-c", broker.config.toString());
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("cannot format the broker's storage; see " + broker.log.toAbsolutePath());
        }
        broker.restart();
        return broker;
    }

    /** Starts the broker (again) and waits until it answers. */
    synchronized void restart() {
        try {
            process = java("kafka.Kafka", config.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker", e);
        }
        Awaitility.await("Kafka broker on port " + port + " (log: " + log.toAbsolutePath() + ")")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the broker exited", () -> !process.isAlive())
                .until(() -> {
                    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
                        return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() == 1;
                    }
                });
    }

    /** SIGKILL, as a crash would: nothing is flushed or handed over. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process java(String main, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
