package dev.loyalty.common.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs run on every instance; each takes a distributed lock, so N instances are safe. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "loyalty.jobs.scheduled", matchIfMissing = true)
class SchedulingConfig {
}
