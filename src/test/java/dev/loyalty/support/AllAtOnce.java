package dev.loyalty.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A race: many tasks on many threads, every one held at a gate until all are submitted, then let go at once. The
 * results come back in the order the tasks were made; a task's exception comes out of {@link Future#get()} as it
 * would from the pool (an {@link java.util.concurrent.ExecutionException}).
 */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    /** The same task from {@code threads} threads at once. */
    public static <T> List<T> times(int threads, Callable<T> task) throws Exception {
        return run(threads, i -> task);
    }

    /** Task {@code i} made by {@code tasks.apply(i)} on this thread, before any runs; one thread each. */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> tasks) throws Exception {
        return run(n, tasks, n);
    }

    /** The same, on a pool of {@code threads} threads (fewer than the tasks: the rest queue behind the gate). */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> tasks, int threads) throws Exception {
        List<Callable<T>> work = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            work.add(tasks.apply(i));
        }
        return run(work, threads);
    }

    /** Each of the tasks on a thread of its own. */
    public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
        return run(tasks, tasks.size());
    }

    private static <T> List<T> run(List<? extends Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
