package io.tierwatch.scoring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import io.tierwatch.testsupport.RealInfrastructure;

/**
 * The one Spring context every scoring IT shares (same properties, so the test framework caches
 * it): a second context would join the same consumer group and take partitions away.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=scoring-service", "tierwatch.scoring.sweep.enabled=false",
        // a stalled partition is reported within seconds (RedisOutageIT)
        "tierwatch.scoring.progress.stall-timeout=4s", "tierwatch.scoring.progress.check-interval=1s",
        // no leeway on token expiry: AccessIT sees a 2 s token refused without waiting out a skew
        "tierwatch.security.clock-skew=PT0S",
        // portfolio snapshots often, so that what a test scores shows up within a second
        "tierwatch.scoring.portfolio.refresh=PT0.2S"})
public @interface ScoringIT {
}
