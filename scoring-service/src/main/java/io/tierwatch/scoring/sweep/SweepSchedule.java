package io.tierwatch.scoring.sweep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the sweep every {@code tierwatch.scoring.sweep.interval} unless the sweep is disabled. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tierwatch.scoring.sweep.enabled", havingValue = "true", matchIfMissing = true)
class SweepSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SweepSchedule.class);

    private final WindowSweeper sweeper;

    SweepSchedule(WindowSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(initialDelayString = "${tierwatch.scoring.sweep.interval:PT1H}",
            fixedDelayString = "${tierwatch.scoring.sweep.interval:PT1H}")
    void sweep() {
        try {
            LOG.info("window sweep re-decided {} customers", sweeper.sweepNow());
        } catch (RuntimeException e) {
            LOG.warn("window sweep failed; the next run retries: {}", e.getMessage());
        }
    }
}
