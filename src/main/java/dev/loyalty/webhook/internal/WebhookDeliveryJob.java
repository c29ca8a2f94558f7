package dev.loyalty.webhook.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code webhook-delivery}: sends every due PENDING delivery, on one instance at a time (the job's lease), a few
 * at once on its sender threads. A 2xx is DELIVERED; anything else (another status, a timeout, a refused
 * address) is tried again after the next of {@code loyalty.webhooks.retry-delays} (the last one repeating), until
 * {@code loyalty.webhooks.max-attempts}, then FAILED. The schedule ({@code loyalty.webhooks.delivery-delay}) only
 * starts a run on the job's own thread, never on the shared scheduler thread, and a run stops taking new batches
 * after a few minutes so its lease stays short. A delivery sent while the app dies is sent again: at least once.
 */
@Component
class WebhookDeliveryJob implements Job, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryJob.class);
    private static final int BATCH = 100;
    private static final Duration MAX_RUN = Duration.ofMinutes(3);

    private final WebhookDeliveryMapper deliveries;
    private final WebhookMapper webhooks;
    private final WebhookSender sender;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final Clock clock;
    private final int maxAttempts;
    private final List<Duration> retryDelays;
    private final ExecutorService senders;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    });

    WebhookDeliveryJob(WebhookDeliveryMapper deliveries, WebhookMapper webhooks, WebhookSender sender, JobLock jobLock,
            JobSwitch jobSwitch, Clock clock,
            @Value("${loyalty.webhooks.max-attempts:8}") int maxAttempts,
            @Value("${loyalty.webhooks.retry-delays:10s,30s,2m,10m,1h,6h}") List<Duration> retryDelays,
            @Value("${loyalty.webhooks.senders:4}") int senderThreads) {
        if (maxAttempts < 1 || retryDelays.isEmpty() || senderThreads < 1) {
            throw new IllegalArgumentException("loyalty.webhooks: max-attempts and senders must be at least 1, "
                    + "retry-delays must name at least one delay");
        }
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.sender = sender;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryDelays = List.copyOf(retryDelays);
        this.senders = Executors.newFixedThreadPool(senderThreads, r -> {
            Thread thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return "webhook-delivery";
    }

    /** Sends what is due now, under the job's lease; answers how many deliveries it attempted. */
    @Override
    public long run() {
        return jobLock.runAlone(name(), this::sendDue);
    }

    @Scheduled(fixedDelayString = "${loyalty.webhooks.delivery-delay:5s}",
            initialDelayString = "${loyalty.webhooks.delivery-delay:5s}")
    void sweep() {
        jobSwitch.onSchedule(this::queueRun);
    }

    /** One run at a time on the job's thread; a sweep while one is queued or running adds nothing. */
    private void queueRun() {
        if (queued.compareAndSet(false, true)) {
            runner.execute(() -> {
                try {
                    run();
                } catch (RuntimeException e) {
                    log.warn("Webhook deliveries could not run; the next sweep tries again", e);
                } finally {
                    queued.set(false);
                }
            });
        }
    }

    private long sendDue() {
        long attempted = 0;
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        while (System.nanoTime() < deadline) {
            List<WebhookDelivery> due = deliveries.due(clock.instant(), BATCH);
            Map<Long, Webhook> targets = new HashMap<>();
            List<Future<?>> sending = new ArrayList<>();
            for (WebhookDelivery delivery : due) {
                Webhook webhook = targets.computeIfAbsent(delivery.getWebhookId(), webhooks::findLive);
                if (webhook != null) {
                    sending.add(senders.submit(() -> attempt(delivery, webhook)));
                }
            }
            int unrecorded = 0;
            for (Future<?> send : sending) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    unrecorded++;
                    log.warn("A webhook delivery could not be recorded; it is sent again", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted;
                }
            }
            attempted += sending.size();
            if (due.size() < BATCH || unrecorded == sending.size()) {
                break;
            }
        }
        return attempted;
    }

    private void attempt(WebhookDelivery delivery, Webhook webhook) {
        WebhookSender.Outcome outcome = sender.send(webhook.getUrl(), webhook.getSecret(), delivery.getEventId(),
                delivery.getType(), delivery.getPayload());
        Instant now = clock.instant();
        if (outcome.delivered()) {
            deliveries.delivered(delivery.getId(), outcome.statusCode(), now);
            return;
        }
        int attempts = delivery.getAttempts() + 1;
        String error = outcome.error() == null ? null
                : outcome.error().length() > 500 ? outcome.error().substring(0, 500) : outcome.error();
        if (attempts >= maxAttempts) {
            deliveries.attemptFailed(delivery.getId(), "FAILED", outcome.statusCode(), error, delivery.getNextAttemptAt());
        } else {
            Duration wait = retryDelays.get(Math.min(attempts - 1, retryDelays.size() - 1));
            deliveries.attemptFailed(delivery.getId(), "PENDING", outcome.statusCode(), error, now.plus(wait));
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        runner.shutdownNow();
        senders.shutdownNow();
        runner.awaitTermination(5, TimeUnit.SECONDS);
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }
}
