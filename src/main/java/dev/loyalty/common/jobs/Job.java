package dev.loyalty.common.jobs;

/**
 * A background job an operator can also run on demand ({@code POST /api/admin/jobs/{name}/run}).
 * Implementations must be safe to run on several app instances at once.
 */
public interface Job {

    String name();

    /** Runs the job to completion and answers how many items it processed. */
    long run();
}
