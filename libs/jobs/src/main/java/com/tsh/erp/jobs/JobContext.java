package com.tsh.erp.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a running job sees of itself: its parameters, its last checkpoint (after a take-over), and the calls that
 * report progress, save a checkpoint and write the result. {@link #progress} and {@link #checkpoint(JsonNode, long,
 * Long, String)} also renew the job's lease; they throw {@link Stopped} when the job was cancelled or another worker
 * holds it now, which the job lets through (the worker records the outcome).
 */
public final class JobContext {

    /** The job must stop here: cancelled by a user, or its lease lost to another worker. */
    public static final class Stopped extends RuntimeException {
        final boolean cancelled;

        Stopped(boolean cancelled) {
            super(cancelled ? "cancelled" : "lease lost", null, false, false);
            this.cancelled = cancelled;
        }
    }

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final Jobs jobs;
    private final Jobs.Claimed claimed;
    private final String worker;
    private volatile boolean lost;
    private long lastWrite;
    private String resultName;
    private String resultType;
    private OutputStream result;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    JobContext(Jobs jobs, Jobs.Claimed claimed, String worker) {
        this.jobs = jobs;
        this.claimed = claimed;
        this.worker = worker;
    }

    public String id() {
        return claimed.id();
    }

    public String kind() {
        return claimed.kind();
    }

    public JsonNode params() {
        return claimed.params();
    }

    /** The actor who started it ({@code user:<id>}), to record as the actor of what it changes. */
    public String startedBy() {
        return claimed.startedBy();
    }

    /** 1 on the first run; more when this run took the job over from a worker that stopped. */
    public int attempt() {
        return claimed.attempts();
    }

    /** The last checkpoint saved, by this run or an earlier one. */
    public Optional<JsonNode> checkpoint() {
        return Optional.ofNullable(claimed.checkpoint());
    }

    /** The file the job was started with (an upload to import), read from the database; empty if none. */
    public Optional<Jobs.Input> input() {
        return jobs.input(claimed.id());
    }

    /**
     * Sets one of the figures the job shows in {@code counts} (an import's created, updated, refused...); written
     * with the next progress report or checkpoint, and when the job finishes.
     */
    public void count(String name, long value) {
        counts.put(name, value);
    }

    Map<String, Long> counts() {
        return counts;
    }

    /** Reports progress; written at most once a second (and always when {@code done == total}). */
    public void progress(long done, Long total, String message) {
        long now = System.nanoTime();
        boolean last = total != null && done >= total;
        if (!last && lastWrite != 0 && now - lastWrite < PROGRESS_EVERY_NANOS) {
            checkLocal();
            return;
        }
        lastWrite = now;
        write(jobs.progress(claimed.id(), worker, done, total, message, null, counts));
    }

    /** Saves where the work has got to, with its progress: a take-over goes on from here. */
    public void checkpoint(JsonNode state, long done, Long total, String message) {
        lastWrite = System.nanoTime();
        write(jobs.progress(claimed.id(), worker, done, total, message, state, counts));
    }

    /** The job's result file (one a job); the stream is the job's to close. */
    public OutputStream result(String fileName, String contentType) throws IOException {
        if (result != null) {
            throw new IllegalStateException("a job writes one result file");
        }
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("not a file name: " + fileName);
        }
        resultName = fileName;
        resultType = contentType;
        result = jobs.store().create(resultKey());
        return result;
    }

    String resultKey() {
        return Jobs.resultKey(claimed.id(), resultName);
    }

    String resultName() {
        return resultName;
    }

    String resultType() {
        return resultType;
    }

    /** Closes the result stream if the job left it open (it failed or stopped while writing). */
    void closeResult() {
        if (result != null) {
            try {
                result.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
        }
    }

    /** The heartbeat found another worker holding the job. */
    void lose() {
        lost = true;
    }

    private void checkLocal() {
        if (lost) {
            throw new Stopped(false);
        }
    }

    private void write(Optional<Boolean> cancelRequested) {
        if (cancelRequested.isEmpty()) {
            lost = true;
            throw new Stopped(false);
        }
        if (cancelRequested.get()) {
            throw new Stopped(true);
        }
    }
}
