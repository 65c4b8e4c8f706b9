package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.Http;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

/**
 * Redis flushed in the middle of a load: the loss is detected within seconds (readiness DOWN, the
 * metric, nothing more applied on the empty Redis), and the rebuild brings every customer's
 * figures back to a ground truth this test computes itself.
 */
@ScoringIT
class RedisLossIT {

    @LocalServerPort
    int port;

    private final KafkaListenerEndpointRegistry registry;
    private final StateRebuild rebuild;
    private final EpochGuard guard;

    RedisLossIT(@Autowired KafkaListenerEndpointRegistry registry, @Autowired StateRebuild rebuild,
            @Autowired EpochGuard guard) {
        this.registry = registry;
        this.rebuild = rebuild;
        this.guard = guard;
    }

    /** revenue, cost of goods, cost to serve per customer, in minor units, as sent. */
    private final Map<String, long[]> truth = new ConcurrentHashMap<>();

    @Test
    void detectsAFlushWithinSecondsAppliesNothingOnItAndTheRebuildRestoresEveryFigure() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            customers.add(TestEvents.customer("loss-" + i));
        }
        AtomicInteger round = new AtomicInteger();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        try {
            load.scheduleWithFixedDelay(() -> sendRound(customers, round.getAndIncrement()), 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> round.get() > 20 && applied(customers.get(0)));

            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                jedis.flushAll();
            }

            Http.Reply readiness = await("the loss detected").atMost(Duration.ofSeconds(10))
                    .until(() -> Http.get(port, "/actuator/health/readiness"), r -> r.status() == 503
                            && r.body().contains("\"lost\""));
            assertThat(readiness.json().path("components").path("scoringState").path("details").path("action").asString())
                    .contains("./tierwatch rebuild");
            assertThat(Http.get(port, "/actuator/prometheus").body())
                    .containsPattern("tierwatch_scoring_state_lost\\{[^}]*\\} 1");
            // the load goes on, and nothing of it is applied on the empty Redis
            int roundAtDetection = round.get();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> round.get() > roundAtDetection && customers.stream().noneMatch(this::hasState));
        } finally {
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        registry.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.getListenerContainers().stream()
                    .noneMatch(c -> c.isRunning()));
            StateRebuild.Summary summary = rebuild.rebuild();
            assertThat(summary.events()).isPositive();
            guard.establish();
        } finally {
            registry.start();
        }

        await("every figure rebuilt").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> truth.forEach((customer, figures) -> {
                    Map<String, String> state = state(customer);
                    assertThat(state.get("lr")).as(customer + " revenue").isEqualTo(Long.toString(figures[0]));
                    assertThat(state.get("lg")).as(customer + " cost of goods").isEqualTo(Long.toString(figures[1]));
                    assertThat(state.getOrDefault("ls", "0")).as(customer + " cost to serve").isEqualTo(Long.toString(figures[2]));
                    assertThat(state.get("wr")).as(customer + " window revenue").isEqualTo(Long.toString(figures[0]));
                }));
        await("ready once the replay caught up").atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(port, "/actuator/health/readiness").status() == 200);
    }

    private void sendRound(List<String> customers, int round) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            String customer = customers.get(i);
            long price = 1_000 + 37L * round + i;
            long cost = price / 2;
            records.add(TestEvents.record(Topics.ORDERS, customer, TestEvents.order(customer, Instant.now(),
                    decimal(price), decimal(cost))));
            long[] f = truth.computeIfAbsent(customer, c -> new long[3]);
            f[0] += price;
            f[1] += cost;
            if (round % 5 == 0) {
                long parts = 200 + i;
                records.add(TestEvents.record(Topics.SERVICE_TICKETS, customer,
                        TestEvents.ticket(customer, Instant.now(), decimal(parts))));
                f[2] += parts;
            }
        }
        KafkaProbe.sendAll(records);
    }

    private boolean applied(String customer) {
        return state(customer).containsKey("lr");
    }

    private boolean hasState(String customer) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return jedis.exists(LedgerKeys.state(customer));
        }
    }

    private static Map<String, String> state(String customer) {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            return LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customer)));
        }
    }

    private static String decimal(long minor) {
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }
}
