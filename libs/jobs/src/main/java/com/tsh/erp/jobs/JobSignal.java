package com.tsh.erp.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes this process's idle workers when a job is submitted here (other replicas find it at their next poll). */
@ApplicationScoped
public class JobSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition submitted = lock.newCondition();
    private long generation;

    void wake() {
        lock.lock();
        try {
            generation++;
            submitted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a job is submitted here or the time is up. */
    void await(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long seen = generation;
            long nanos = max.toNanos();
            while (generation == seen && nanos > 0) {
                nanos = submitted.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
