package com.tsh.erp.orders.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs the saga's timeout sweep every {@code tsh.orders.sweep-every} on every replica (they take
 * different orders: {@link OrderSaga#sweep}). A sweep that fails (the database restarting) is
 * logged; the next one takes the same orders.
 */
@ApplicationScoped
public class TimeoutSweep {

    private static final Logger LOG = Logger.getLogger(TimeoutSweep.class);
    private static final int BATCH = 100;

    @Inject
    OrderSaga saga;

    @Scheduled(every = "${tsh.orders.sweep-every}", delayed = "${tsh.orders.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int rejected;
            int total = 0;
            do {
                rejected = saga.sweep(BATCH);
                total += rejected;
            } while (rejected == BATCH);
            if (total > 0) {
                LOG.infof("rejected %d order(s) that waited longer than the saga timeout", total);
            }
        } catch (RuntimeException e) {
            LOG.warnf("timeout sweep failed, the next one tries again: %s", e.getMessage());
        }
    }
}
