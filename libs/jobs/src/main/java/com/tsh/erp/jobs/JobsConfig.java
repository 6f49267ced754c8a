package com.tsh.erp.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code tsh.jobs.*}: how this replica runs jobs and keeps their results (README, "Background jobs"). */
@ConfigMapping(prefix = "tsh.jobs")
public interface JobsConfig {

    /** Whether this process runs jobs (a process may only take requests and leave the work to others). */
    @WithDefault("true")
    boolean workerEnabled();

    /** Jobs run at once by this replica: few, so that requests keep their CPU and database connections. */
    @WithDefault("2")
    int concurrency();

    /** How long a claim holds without a sign of life; a job whose worker died is taken over after it. */
    @WithDefault("60s")
    Duration lease();

    /** How often an idle worker looks for work (a job submitted in this process wakes it at once). */
    @WithDefault("2s")
    Duration poll();

    /** Claims before a job that keeps losing its worker (a crash it causes, say) is failed instead. */
    @WithDefault("3")
    int maxAttempts();

    /** How long a result file is kept for download. */
    @WithDefault("7d")
    Duration keepResults();

    /** How long a finished job's row is kept. */
    @WithDefault("30d")
    Duration keepJobs();

    /** Where result files go: a directory on local disk (default: tsh-jobs/<application> under java.io.tmpdir). */
    Optional<String> storageDir();
}
