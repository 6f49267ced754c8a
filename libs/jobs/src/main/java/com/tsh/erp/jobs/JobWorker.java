package com.tsh.erp.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs this replica's jobs: {@code tsh.jobs.concurrency} threads, each claiming the oldest claimable job of a kind
 * this service has a {@link JobHandler} for and running it; a heartbeat renews the leases of the running jobs every
 * third of the lease (so a long step without a progress report keeps its job), and a clean-up deletes expired
 * results and old jobs every ten minutes. On shutdown the running jobs are handed back at once (they go on from
 * their last checkpoint on another replica, or on this one when it starts again).
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    @Inject
    Jobs jobs;
    @Inject
    JobsConfig config;
    @Inject
    JobSignal signal;
    @Inject
    @Any
    Instance<JobHandler> handlerBeans;

    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, JobContext> running = new ConcurrentHashMap<>();
    private Map<String, JobHandler> handlers = Map.of();
    private volatile boolean stopping;
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        handlers = handlerBeans.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        if (!config.workerEnabled() || handlers.isEmpty()) {
            LOG.infof("Job worker not started (%s)", handlers.isEmpty() ? "no job kinds here" : "tsh.jobs.worker-enabled=false");
            return;
        }
        for (int i = 0; i < config.concurrency(); i++) {
            Thread t = new Thread(this::loop, "job-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(1, config.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::cleanUp, 30_000, CLEANUP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Job worker %s: %d at once, kinds %s", worker, config.concurrency(), handlers.keySet());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        signal.wake();
        running.values().forEach(JobContext::lose); // their next progress report stops them
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (String id : running.keySet()) { // a job whose thread did not stop in time
            jobs.release(id, worker);
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                Optional<Jobs.Claimed> claimed = jobs.claim(worker, List.copyOf(handlers.keySet()));
                if (claimed.isPresent()) {
                    run(claimed.get());
                } else {
                    signal.await(config.poll());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Job worker: %s; trying again shortly", e.toString());
                try {
                    Thread.sleep(config.poll().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Runs one claimed job to its end and records the outcome (unless another worker holds it by then). */
    void run(Jobs.Claimed claimed) {
        JobContext job = new JobContext(jobs, claimed, worker);
        MDC.put("job", claimed.id());
        running.put(claimed.id(), job);
        try {
            if (claimed.cancelRequested()) {
                throw new JobContext.Stopped(true);
            }
            if (claimed.attempts() > config.maxAttempts()) {
                throw new JobFailure("The job stopped " + (claimed.attempts() - 1) + " times without finishing (its"
                        + " server stopped or ran out of memory while running it); it was not tried again. Try a smaller"
                        + " period or selection, or tell support.");
            }
            LOG.infof("Job %s (%s) started, attempt %d", claimed.id(), claimed.kind(), claimed.attempts());
            handlers.get(claimed.kind()).run(job);
            Long size = null;
            if (job.resultName() != null) {
                job.closeResult(); // a job that left its file open has still finished it
                size = jobs.store().size(job.resultKey());
            }
            if (jobs.finish(claimed.id(), worker, JobState.SUCCEEDED, null, job.resultName() == null ? null : job.resultKey(),
                    job.resultName(), job.resultType(), size, job.counts())) {
                LOG.infof("Job %s (%s) succeeded", claimed.id(), claimed.kind());
            } else {
                LOG.warnf("Job %s finished here, but another worker holds it now; its outcome is that worker's", claimed.id());
            }
        } catch (JobContext.Stopped s) {
            if (s.cancelled) {
                discardResult(job);
                jobs.finish(claimed.id(), worker, JobState.CANCELLED, null, null, null, null, null, job.counts());
                LOG.infof("Job %s (%s) cancelled", claimed.id(), claimed.kind());
            } else if (stopping) {
                jobs.release(claimed.id(), worker); // claimable at once, from its last checkpoint
                LOG.infof("Job %s (%s) handed back: this replica is stopping; it goes on elsewhere", claimed.id(), claimed.kind());
            } else {
                LOG.infof("Job %s (%s) stopped here: another worker took it over", claimed.id(), claimed.kind());
            }
        } catch (JobFailure f) {
            discardResult(job);
            jobs.finish(claimed.id(), worker, JobState.FAILED, f.getMessage(), null, null, null, null, job.counts());
            LOG.infof("Job %s (%s) failed: %s", claimed.id(), claimed.kind(), f.getMessage());
        } catch (Exception | Error e) {
            discardResult(job);
            LOG.errorf(e, "Job %s (%s) failed", claimed.id(), claimed.kind());
            jobs.finish(claimed.id(), worker, JobState.FAILED, "The job stopped on an unexpected error (reference "
                    + claimed.id() + "). Try again; if it happens again, tell support the reference.", null, null, null, null,
                    job.counts());
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
        } finally {
            running.remove(claimed.id());
            MDC.remove("job");
        }
    }

    private void discardResult(JobContext job) {
        if (job.resultName() == null) {
            return;
        }
        try {
            job.closeResult();
            jobs.store().delete(job.resultKey());
        } catch (IOException e) {
            LOG.warnf("Job %s: could not delete its unfinished result: %s", job.id(), e);
        }
    }

    private void heartbeat() {
        try {
            if (running.isEmpty()) {
                return;
            }
            for (String lost : jobs.renew(worker, List.copyOf(running.keySet()))) {
                JobContext job = running.get(lost);
                if (job != null) {
                    job.lose();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Job heartbeat: %s", e.toString());
        }
    }

    private void cleanUp() {
        try {
            int[] done = jobs.cleanUp();
            if (done[0] + done[1] > 0) {
                LOG.infof("Jobs clean-up: %d expired result files deleted, %d old jobs deleted", done[0], done[1]);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Jobs clean-up: %s", e.toString());
        }
    }
}
