package io.tierwatch.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled}, for the daily digest. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
