package io.tierwatch.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka (KRaft) and Redis in containers, for machines with a Docker engine. */
final class DockerInfrastructure {

    private DockerInfrastructure() {
    }

    static KafkaEndpoint kafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        return new KafkaEndpoint() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static RedisEndpoint redis() {
        GenericContainer<?> container = new GenericContainer<>("redis:7.4").withExposedPorts(6379);
        container.start();
        return new ContainerRedis(container);
    }

    private record ContainerRedis(GenericContainer<?> container) implements RedisEndpoint, AutoCloseable {

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(6379);
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
