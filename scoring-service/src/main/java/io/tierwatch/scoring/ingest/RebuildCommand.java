package io.tierwatch.scoring.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar scoring-service.jar --tierwatch.rebuild.run=true} (with the listeners off,
 * {@code --spring.kafka.listener.auto-startup=false}): runs {@link StateRebuild} once, with the
 * service's own configuration, and exits: 0 when done, 1 when not (the reason logged). {@code
 * ./tierwatch rebuild} stops scoring-service, runs this, and starts scoring-service again.
 */
@Component
@ConditionalOnProperty(name = "tierwatch.rebuild.run", havingValue = "true")
class RebuildCommand implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildCommand.class);

    private final StateRebuild rebuild;
    private final ConfigurableApplicationContext context;

    RebuildCommand(StateRebuild rebuild, ConfigurableApplicationContext context) {
        this.rebuild = rebuild;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            StateRebuild.Summary summary = rebuild.rebuild();
            System.out.println("rebuild: state epoch " + summary.epoch() + ", " + summary.keysDeleted()
                    + " keys deleted, " + summary.events() + " events to replay");
            code = 0;
        } catch (RuntimeException e) {
            LOG.error("rebuild failed: {}", e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
