package io.tierwatch.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * DOWN while no broker answers within {@code timeout}: a service that can do nothing without
 * Kafka puts it in its readiness group, registered as the bean {@code kafka}. A check waits at most
 * {@code timeout}, so a probe never hangs on a broker that is gone.
 */
public class KafkaHealth extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final Duration timeout;

    public KafkaHealth(KafkaProperties kafka, Duration timeout) {
        super("Kafka health check failed");
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "tierwatch-health");
        this.admin = Admin.create(config);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .clusterId().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
