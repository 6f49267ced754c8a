package com.tsh.erp.jobs;

/**
 * One kind of job, as a CDI bean: the worker finds every {@code JobHandler} bean and runs the jobs of its
 * {@link #kind()}. {@link #run} reads its parameters from the context, reports progress often (each report also
 * renews the lease and is where a cancel or a lost lease stops the job), saves a checkpoint where the work can go
 * on from after a take-over, writes at most one result file, and ends normally (SUCCEEDED) or throws
 * ({@link JobFailure} for a reason the user can act on).
 */
public interface JobHandler {

    String kind();

    void run(JobContext job) throws Exception;
}
