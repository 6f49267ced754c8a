package com.tsh.erp.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Caller;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starting, reading, cancelling and downloading jobs, and the row work the worker does. A job is a row of
 * {@code tsh_job}; its id is {@code <application>-<uuid>}, so the gateway knows which service holds it.
 *
 * <p>Who sees a job: the user who started it, and admins and managers (every job of the service). Anyone else gets
 * 404, as for any record that is not theirs.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    static final Set<String> SEE_EVERY_JOB = Set.of(Roles.ADMIN, Roles.MANAGER);
    private static final String COLUMNS = "id, kind, state, params::text as params, started_by, created_at, started_at,"
            + " finished_at, attempts, progress_done, progress_total, progress_message, counts::text as counts,"
            + " checkpoint::text as checkpoint,"
            + " result_key, result_name, result_type, result_size, result_expires_at, error";

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;
    @Inject
    ResultStore store;
    @Inject
    JobsConfig config;
    @Inject
    JobSignal signal;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "tsh")
    String application;

    /** A job of {@code kind} for {@code actor}, queued; a worker of any replica picks it up. */
    public JobView submit(String kind, JsonNode params, String actor) {
        String id = application + "-" + UUID.randomUUID();
        sql.update("insert into tsh_job (id, kind, params, started_by) values (:id, :kind, cast(:params as jsonb), :actor)",
                Params.of("id", id).and("kind", kind).and("params", text(params)).and("actor", actor));
        JobView queued = find(id).orElseThrow(); // as queued: a worker may take it the moment it is woken
        signal.wake();
        return queued;
    }

    /**
     * A job with an input file (an upload to import): the row and the file are written in one transaction, the file
     * into the service's database ({@code tsh_job_input}), so a worker of any replica can read it; it is deleted
     * when the job finishes. The route bounds its size.
     */
    public JobView submit(String kind, JsonNode params, String actor, Input input) {
        String id = application + "-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("insert into tsh_job (id, kind, params, started_by) values (:id, :kind, cast(:params as jsonb), :actor)",
                    Params.of("id", id).and("kind", kind).and("params", text(params)).and("actor", actor));
            sql.update("insert into tsh_job_input (job_id, name, content_type, size, data) values (:id, :name, :type, :size, :data)",
                    Params.of("id", id).and("name", input.name()).and("type", input.contentType())
                            .and("size", (long) input.data().length).and("data", input.data()));
        });
        JobView queued = find(id).orElseThrow();
        signal.wake();
        return queued;
    }

    /** A job's input file. */
    public record Input(String name, String contentType, byte[] data) {
    }

    /** The 202 a route that starts a job answers: the job, and its address in Location. */
    public static Response accepted(JobView job) {
        // a relative reference (RFC 9110): the gateway puts its own /api/v1 in front, as for every Location
        return Response.accepted(job).header(jakarta.ws.rs.core.HttpHeaders.LOCATION, "/jobs/" + job.id()).build();
    }

    public JobView get(String id, Caller caller, String actor) {
        return find(id).filter(j -> visible(j, caller, actor)).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** The caller's jobs (every job for admins and managers), newest first. */
    public Page<JobView> list(Caller caller, String actor, int page, int perPage) {
        boolean all = caller.hasAny(SEE_EVERY_JOB);
        List<JobView> rows = sql.list("select " + COLUMNS + " from tsh_job"
                        + (all ? "" : " where started_by = :actor") + " order by created_at desc, id" + Sql.PAGE,
                Params.of("actor", actor).page(page, perPage), this::view);
        return Page.of(rows, page, perPage);
    }

    /**
     * Cancels a job: a queued one at once, a running one at its next progress report (then CANCELLED, its partial
     * file deleted). A finished job cannot be cancelled (409).
     */
    public JobView cancel(String id, Caller caller, String actor) {
        JobView job = get(id, caller, actor);
        int now = sql.update("update tsh_job set state = 'CANCELLED', finished_at = clock_timestamp(), cancel_requested = true"
                + " where id = :id and state = 'QUEUED'", Params.of("id", id));
        if (now == 1) {
            deleteInput(id);
        }
        if (now == 0) {
            int later = sql.update("update tsh_job set cancel_requested = true where id = :id and state = 'RUNNING'",
                    Params.of("id", id));
            if (later == 0) {
                throw ApiException.conflict("job-finished", "the job has already finished (" + find(id).map(JobView::state)
                        .orElse(job.state()) + ")");
            }
        }
        return find(id).orElseThrow();
    }

    /** A finished job's file, for download. */
    public Download result(String id, Caller caller, String actor) {
        JobView job = get(id, caller, actor);
        if (job.result() == null) {
            throw new ApiException(404, "no-result", "No result", job.state().finished()
                    ? "this job made no file" : "the job has not finished yet (" + job.state() + ")", null);
        }
        if (job.result().expired()) {
            throw new ApiException(410, "result-expired", "Result deleted", "the file was kept until "
                    + job.result().expiresAt() + " and has been deleted; run the job again", null);
        }
        String key = resultKey(id, job.result().name());
        try {
            return new Download(job.result().name(), job.result().contentType(), job.result().size(), store.open(key));
        } catch (IOException e) {
            LOG.errorf("Job %s: result file %s not readable here: %s", id, key, e);
            throw new ApiException(404, "no-result", "No result", "the file is not on this server; with several"
                    + " replicas the result directory must be shared (README, Background jobs)", null);
        }
    }

    /** Where a job's result file is kept in the {@link ResultStore}. */
    static String resultKey(String id, String fileName) {
        return id + "/" + fileName;
    }

    /** A result file being downloaded. */
    public record Download(String name, String contentType, long size, InputStream content) {
    }

    Optional<JobView> find(String id) {
        return sql.one("select " + COLUMNS + " from tsh_job where id = :id", Params.of("id", id), this::view);
    }

    private static boolean visible(JobView job, Caller caller, String actor) {
        return caller.hasAny(SEE_EVERY_JOB) || job.startedBy().equals(actor);
    }

    ResultStore store() {
        return store;
    }

    // ------------------------------------------------------------------ the worker's side

    /** A job as a worker claimed it. */
    record Claimed(String id, String kind, JsonNode params, String startedBy, int attempts, JsonNode checkpoint,
                   boolean cancelRequested) {
    }

    /**
     * Claims the oldest job of these kinds that is queued, or running under a lease that ran out (its worker died):
     * one statement, {@code FOR UPDATE SKIP LOCKED}, so two workers never take the same job.
     */
    Optional<Claimed> claim(String worker, List<String> kinds) {
        return sql.one("update tsh_job set state = 'RUNNING', lease_owner = :worker,"
                        + " lease_until = clock_timestamp() + make_interval(secs => :lease), attempts = attempts + 1,"
                        + " started_at = coalesce(started_at, clock_timestamp())"
                        + " where id = (select id from tsh_job where kind = any(:kinds) and (state = 'QUEUED'"
                        + "   or (state = 'RUNNING' and lease_until < clock_timestamp()))"
                        + "   order by created_at for update skip locked limit 1)"
                        + " returning id, kind, params::text as params, started_by, attempts, checkpoint::text as checkpoint,"
                        + " cancel_requested",
                Params.of("worker", worker).and("lease", (double) config.lease().toMillis() / 1000).and("kinds", kinds),
                r -> new Claimed(r.getString("id"), r.getString("kind"), tree(r.getString("params")),
                        r.getString("started_by"), r.getInt("attempts"), tree(r.getString("checkpoint")),
                        r.getBoolean("cancel_requested")));
    }

    /** Writes progress (and a checkpoint) and renews the lease; empty when the worker no longer holds the job,
     *  else whether a cancel was asked for. */
    Optional<Boolean> progress(String id, String worker, long done, Long total, String message, JsonNode checkpoint,
                               Map<String, Long> counts) {
        return sql.one("update tsh_job set progress_done = :done, progress_total = :total, progress_message = :message,"
                        + " counts = coalesce(cast(:counts as jsonb), counts),"
                        + " checkpoint = coalesce(cast(:checkpoint as jsonb), checkpoint),"
                        + " lease_until = clock_timestamp() + make_interval(secs => :lease)"
                        + " where id = :id and lease_owner = :worker and state = 'RUNNING' returning cancel_requested",
                Params.of("id", id).and("worker", worker).and("done", done).and("total", total)
                        .and("message", message == null ? null : message.length() > 500 ? message.substring(0, 500) : message)
                        .and("checkpoint", checkpoint == null ? null : text(checkpoint))
                        .and("counts", counts == null || counts.isEmpty() ? null : text(json.valueToTree(counts)))
                        .and("lease", (double) config.lease().toMillis() / 1000),
                r -> r.getBoolean("cancel_requested"));
    }

    /** Renews the leases of the jobs this worker runs; the ids it no longer holds. */
    List<String> renew(String worker, List<String> ids) {
        List<String> held = sql.list("update tsh_job set lease_until = clock_timestamp() + make_interval(secs => :lease)"
                        + " where id = any(:ids) and lease_owner = :worker and state = 'RUNNING' returning id",
                Params.of("ids", ids).and("worker", worker).and("lease", (double) config.lease().toMillis() / 1000),
                r -> r.getString("id"));
        return ids.stream().filter(id -> !held.contains(id)).toList();
    }

    /** Records how a job ended, if this worker still holds it; false when another one does. */
    boolean finish(String id, String worker, JobState state, String error, String resultKey, String resultName,
                   String resultType, Long resultSize, Map<String, Long> counts) {
        boolean mine = sql.update("update tsh_job set state = :state, finished_at = clock_timestamp(), error = :error,"
                        + " counts = coalesce(cast(:counts as jsonb), counts),"
                        + " result_key = :key, result_name = :name, result_type = :type, result_size = :size,"
                        + " result_expires_at = case when cast(:key as text) is null then null"
                        + "   else clock_timestamp() + make_interval(secs => :keep) end,"
                        + " lease_owner = null, lease_until = null"
                        + " where id = :id and lease_owner = :worker and state = 'RUNNING'",
                Params.of("id", id).and("worker", worker).and("state", state.name()).and("error", error)
                        .and("key", resultKey).and("name", resultName).and("type", resultType).and("size", resultSize)
                        .and("counts", counts == null || counts.isEmpty() ? null : text(json.valueToTree(counts)))
                        .and("keep", (double) config.keepResults().toSeconds())) == 1;
        if (mine) {
            deleteInput(id);
        }
        return mine;
    }

    /** The job's input file, if it was started with one. */
    Optional<Input> input(String id) {
        return sql.one("select name, content_type, data from tsh_job_input where job_id = :id", Params.of("id", id),
                r -> new Input(r.getString("name"), r.getString("content_type"), r.getBytes("data")));
    }

    private void deleteInput(String id) {
        sql.update("delete from tsh_job_input where job_id = :id", Params.of("id", id));
    }

    /** Hands a job back (this replica is stopping): another worker may claim it at once; the claim is not counted. */
    void release(String id, String worker) {
        sql.update("update tsh_job set lease_until = clock_timestamp(), lease_owner = null, attempts = greatest(attempts - 1, 0)"
                + " where id = :id and lease_owner = :worker and state = 'RUNNING'", Params.of("id", id).and("worker", worker));
    }

    /** Deletes result files past their keep time (the row stays, its result marked expired) and finished jobs past
     *  theirs; how many of each. */
    int[] cleanUp() {
        List<String[]> expired = sql.list("select id, result_key from tsh_job where result_key is not null"
                        + " and result_expires_at < clock_timestamp() order by result_expires_at limit 500", Params.none(),
                r -> new String[] {r.getString("id"), r.getString("result_key")});
        int files = 0;
        for (String[] e : expired) {
            try {
                store.delete(e[1]);
                sql.update("update tsh_job set result_key = null where id = :id", Params.of("id", e[0]));
                files++;
            } catch (IOException ex) {
                LOG.warnf("Job %s: could not delete its expired result %s: %s", e[0], e[1], ex);
            }
        }
        List<String[]> old = sql.list("select id, result_key from tsh_job where finished_at < clock_timestamp()"
                        + " - make_interval(secs => :keep) order by finished_at limit 500",
                Params.of("keep", (double) config.keepJobs().toSeconds()), r -> new String[] {r.getString("id"), r.getString("result_key")});
        for (String[] o : old) {
            try {
                if (o[1] != null) {
                    store.delete(o[1]);
                }
            } catch (IOException ex) {
                LOG.warnf("Job %s: could not delete its result %s: %s", o[0], o[1], ex);
            }
            sql.update("delete from tsh_job where id = :id", Params.of("id", o[0]));
        }
        return new int[] {files, old.size()};
    }

    private JobView view(Sql.Row r) throws SQLException {
        String id = r.getString("id");
        JobView.Result result = null;
        if (r.getString("result_name") != null) {
            boolean expired = r.getString("result_key") == null;
            result = new JobView.Result(r.getString("result_name"), r.getString("result_type"),
                    r.getLongOrNull("result_size") == null ? 0 : r.getLong("result_size"),
                    expired ? null : "/jobs/" + id + "/result", r.getInstant("result_expires_at"), expired);
        }
        return new JobView(id, r.getString("kind"), JobState.valueOf(r.getString("state")),
                new JobView.Progress(r.getLong("progress_done"), r.getLongOrNull("progress_total"), r.getString("progress_message")),
                counts(r.getString("counts")),
                r.getString("started_by"), r.getInstant("created_at"), r.getInstant("started_at"), r.getInstant("finished_at"),
                result, r.getString("error"));
    }

    private String text(JsonNode node) {
        try {
            return node == null ? "{}" : json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("job parameters not writable as JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, Long> counts(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        tree(text).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private JsonNode tree(String text) throws SQLException {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON in tsh_job: " + e.getMessage(), e);
        }
    }
}
