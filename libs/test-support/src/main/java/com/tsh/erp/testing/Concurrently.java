package com.tsh.erp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Tasks run at once on a pool of their own, for tests of what concurrent callers do. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs every task on {@code threads} threads and returns their results in the tasks' order,
     * once all have ended; a task's failure is thrown (wrapped in an ExecutionException).
     */
    public static <T> List<T> run(int threads, List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
