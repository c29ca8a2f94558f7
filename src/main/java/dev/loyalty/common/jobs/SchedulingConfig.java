package dev.loyalty.common.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run on every instance; each takes a distributed lock or claims its rows, so N instances
 * are safe. {@code loyalty.jobs.scheduled=false} keeps them from starting by themselves (see {@link JobSwitch}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
