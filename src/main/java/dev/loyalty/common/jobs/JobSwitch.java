package dev.loyalty.common.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether scheduled jobs start by themselves ({@code loyalty.jobs.scheduled}, default true). Off, they still
 * run on demand through {@code POST /api/admin/jobs/{name}/run}: for tests and for instances that serve only.
 */
@Component
public class JobSwitch {

    private final boolean scheduled;

    JobSwitch(@Value("${loyalty.jobs.scheduled:true}") boolean scheduled) {
        this.scheduled = scheduled;
    }

    /** Runs {@code job} if scheduled jobs are on. */
    public void onSchedule(Job job) {
        if (scheduled) {
            job.run();
        }
    }

    /** Runs {@code start} if scheduled jobs are on: for a job that starts its runs on a thread of its own. */
    public void onSchedule(Runnable start) {
        if (scheduled) {
            start.run();
        }
    }
}
