package dev.loyalty.common.jobs;

import dev.loyalty.common.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class JobsController {

    private final Map<String, Job> jobs;

    JobsController(List<Job> jobs) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::name, Function.identity()));
    }

    @Operation(summary = "Run a background job now by its name: points-expiry, coupon-expiry, coupon-expiring-notice, rebate-settlement, rebate-reminders, wallet-bonus-expiry, member-segments, member-code-purge, open-nonce-purge, notify-retry, sign-in-reminder, follower-import, mp-menu, coupon-grants, campaigns, webhook-delivery, integrity-check, retention")
    @PostMapping("/api/admin/jobs/{name}/run")
    JobRun run(@PathVariable String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new NotFoundException("Job", name);
        }
        return new JobRun(name, job.run());
    }

    record JobRun(String name, long processed) {
    }
}
