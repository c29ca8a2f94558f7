package dev.loyalty.common.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}) run after commit on their own threads, so a
 * request's transaction never waits on them nor needs a second connection for them.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {
}
