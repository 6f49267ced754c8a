package com.tsh.erp.zoho.push;

import com.tsh.erp.zoho.client.ZohoBudget;
import com.tsh.erp.zoho.client.ZohoException;
import com.tsh.erp.zoho.config.ZohoConfig;
import com.tsh.erp.zoho.push.SyncTasks.Task;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The push workers of this replica ({@code tsh.zoho.push.workers}): each claims the most urgent due
 * task, brings its record's Zoho copy up to date, and decides what happens on failure:
 * <ul>
 *   <li>429, 5xx, timeouts, the network: tried again after Zoho's Retry-After, or after an exponential
 *       backoff with jitter (a random delay between half and all of {@code retry-base} x 2^(attempt-1), at most {@code retry-max}: replicas that failed together do not retry together), for as long
 *       as it takes: nothing is dropped.</li>
 *   <li>Zoho refused the data ({code, message}): stored as FAILED with Zoho's code and message; the other
 *       records go on. A newer change of the record, or {@code POST /sync/failures/{id}/retry}, tries again.</li>
 *   <li>An order whose client or products are not in Zoho yet: their tasks are raised to go first, and
 *       the order waits (after {@code dependency-wait} it is marked failed, saying what it waits for).</li>
 *   <li>The day's call limit is used up: everything waits until midnight UTC.</li>
 * </ul>
 */
@ApplicationScoped
public class PushWorkers {

    private static final Logger LOG = Logger.getLogger(PushWorkers.class);

    @Inject
    SyncTasks tasks;
    @Inject
    Pushes pushes;
    @Inject
    ZohoConfig config;
    @Inject
    ReplicaName replica;

    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;
    /** Workers of this replica take no new task while paused (operations: Zoho maintenance; tests: changes piling up). */
    private volatile boolean paused;
    private ExecutorService workers;

    void start(@Observes StartupEvent ev) {
        if (!config.push().enabled()) {
            LOG.info("Zoho push workers are off (tsh.zoho.push.enabled=false)");
            return;
        }
        running = true;
        int n = config.push().workers();
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "zoho-push-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < n; i++) {
            workers.submit(this::loop);
        }
        LOG.infof("%d Zoho push workers started as %s", n, replica.name());
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(15, TimeUnit.SECONDS);
        }
    }

    public int busy() {
        return busy.get();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    private void loop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<Task> task = paused ? Optional.empty() : tasks.claim(replica.name(), config.push().lease());
                if (task.isEmpty()) {
                    Thread.sleep(config.push().idleWait().toMillis());
                    continue;
                }
                busy.incrementAndGet();
                try {
                    run(task.get());
                } finally {
                    busy.decrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database or Redis is away: the claimed task's lease ends and another attempt takes it
                LOG.warnf("Zoho push worker: %s; pausing", e.toString());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void run(Task t) throws InterruptedException {
        try {
            pushes.push(t);
        } catch (ZohoException.Refused r) {
            LOG.warnf("Zoho refused %s %s: %s", t.kind(), t.erpId(), r.getMessage());
            tasks.failed(t, r.code(), r.zohoMessage());
        } catch (ZohoException.Transient e) {
            Duration delay = e.retryAfter() != null ? e.retryAfter().plusMillis(ThreadLocalRandom.current().nextLong(250)) : backoff(t.attempts());
            LOG.debugf("%s %s: %s; again in %d ms", t.kind(), t.erpId(), e.getMessage(), delay.toMillis());
            tasks.later(t, delay, e.httpStatus(), e.getMessage(), null);
        } catch (Pushes.Waiting w) {
            // woken when what it waits for is mapped (SyncTasks.wake); the poll, up to a minute, is only a safety net
            if (t.waitingSince() != null && Duration.between(t.waitingSince(), Instant.now()).compareTo(config.push().dependencyWait()) > 0) {
                tasks.failed(t, 0, w.getMessage() + " for longer than " + config.push().dependencyWait());
            } else {
                tasks.waiting(t, Duration.ofMillis(Math.min(backoff(t.attempts()).toMillis(), 60_000)), w.getMessage(), w.keys());
            }
        } catch (ZohoBudget.DayLimitReached d) {
            ZonedDateTime midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC);
            tasks.later(t, Duration.between(ZonedDateTime.now(ZoneOffset.UTC), midnight), 429, d.getMessage(), null);
        } catch (InterruptedException e) {
            tasks.later(t, Duration.ZERO, null, null, null); // shutting down: let another worker take it at once
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "pushing %s %s to Zoho failed", t.kind(), t.erpId());
            tasks.later(t, backoff(t.attempts()), null, e.toString(), null);
        }
    }

    /** Exponential backoff with jitter: a random delay between half and all of base x 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        long cap = config.push().retryMax().toMillis();
        long ceiling = Math.min(cap, config.push().retryBase().toMillis() << Math.min(Math.max(attempt - 1, 0), 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
