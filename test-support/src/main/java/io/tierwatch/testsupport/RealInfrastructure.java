package io.tierwatch.testsupport;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;

import io.tierwatch.contracts.Topics;

/**
 * JUnit 5 extension that gives a test class a real Kafka broker and a real Redis, once per test
 * JVM, torn down when the JVM's tests end. Where Docker exists they are Testcontainers
 * ({@code apache/kafka}, {@code redis}); elsewhere an in-process KRaft broker (spring-kafka-test)
 * and a private {@code redis-server} on a free port. {@code -Dtierwatch.test.infra=embedded}
 * or {@code =docker} forces one.
 *
 * <p>It also starts the real authorization server ({@link AuthServer}). Before the Spring context
 * starts, it sets the system properties {@code spring.kafka.bootstrap-servers},
 * {@code tierwatch.redis.url} and {@code tierwatch.security.issuer-uri}, which every service binds.
 */
public final class RealInfrastructure implements BeforeAllCallback {

    public static final int PARTITIONS = 3;

    private static KafkaEndpoint kafka;
    private static RedisEndpoint redis;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        // Stopped when the whole test plan ends, before the JVM exits: stopping the broker from a
        // shutdown hook races Kafka's own hook that deletes its temporary log directory.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RealInfrastructure.class, key -> (AutoCloseable) RealInfrastructure::stop);
    }

    public static synchronized void start() {
        if (kafka != null) {
            return;
        }
        AuthServer.begin();
        boolean docker = useDocker();
        kafka = docker ? DockerInfrastructure.kafka() : embeddedKafka();
        // persistent: a stop and start is an outage, not a loss (the loss is its own test: a FLUSHALL)
        redis = docker ? DockerInfrastructure.redis() : RedisServer.persistent().start();
        createTopics(Topics.ORDERS, Topics.SERVICE_TICKETS, Topics.CUSTOMERS, Topics.CUSTOMER_TIER_CHANGES);
        System.setProperty("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        System.setProperty("tierwatch.redis.url", redis.url());
        System.setProperty("tierwatch.security.issuer-uri", AuthServer.shared().issuer());
        Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stop, "real-infrastructure-stop"));
    }

    public static KafkaEndpoint kafka() {
        start();
        return kafka;
    }

    public static RedisEndpoint redis() {
        start();
        return redis;
    }

    /** The test's own redis-server, for outage tests; absent when Redis runs in a container. */
    public static java.util.Optional<RedisServer> redisServer() {
        return redis() instanceof RedisServer server ? java.util.Optional.of(server) : java.util.Optional.empty();
    }

    /** Creates each topic with its dead-letter topic; compacts the customers topic. */
    public static void createTopics(String... topics) {
        kafka().createTopics(withDeadLetters(topics));
    }

    /** Each topic and its dead-letter topic, {@link #PARTITIONS} partitions each, as Tierwatch creates them ({@link Topics#newTopic}). */
    public static java.util.List<NewTopic> withDeadLetters(String... topics) {
        return Arrays.stream(topics)
                .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetterOf(t)))
                .map(t -> Topics.newTopic(t, PARTITIONS, Topics.isInput(t)))
                .toList();
    }

    private static boolean useDocker() {
        String mode = System.getProperty("tierwatch.test.infra", "auto");
        return switch (mode) {
            case "embedded" -> false;
            case "docker" -> true;
            default -> dockerAvailable();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static KafkaEndpoint embeddedKafka() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS).brokerProperties(java.util.Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return new KafkaEndpoint.Embedded(broker);
    }

    private static synchronized void stop() {
        if (kafka == null) {
            return;
        }
        kafka.close();
        if (redis instanceof RedisServer server) {
            server.stop();
        } else if (redis instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }
        kafka = null;
        redis = null;
    }
}
