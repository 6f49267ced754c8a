package com.tsh.erp.zoho.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.zoho.client.ZohoBudget;
import com.tsh.erp.zoho.client.ZohoException;
import com.tsh.erp.zoho.client.ZohoRecords;
import com.tsh.erp.zoho.config.ZohoConfig;
import com.tsh.erp.zoho.push.ReplicaName;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Full sync jobs: every Zoho item and contact, page by page, published on {@code zoho.inbound}. A job
 * is claimed with a lease by one replica; each page's events and the job's next page are written in
 * one transaction, so a job stopped at any point (the replica killed, Zoho failing) resumes from the
 * page after the last one written, and no page is published twice. Each page is one call from the
 * shared budget. Pages are read in Zoho's creation order, so records created during the sync only add
 * pages at the end.
 */
@ApplicationScoped
public class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);
    public static final List<String> KINDS = List.of("items", "contacts");

    public record KindProgress(
            @Schema(description = "items or contacts") String kind,
            @Schema(description = "Records read from Zoho so far") int done,
            @Schema(nullable = true, implementation = Integer.class, description = "Known when the last page is read (Zoho's lists say only whether more follow)") Integer total,
            boolean finished,
            @Schema(description = "The page read next (a restart resumes there)") int nextPage) {
    }

    public record Job(UUID id,
                      @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED") String status,
                      String requestedBy,
                      @Schema(implementation = String.class, format = "date-time") Instant createdAt,
                      @Schema(nullable = true, implementation = String.class, format = "date-time") Instant startedAt,
                      @Schema(nullable = true, implementation = String.class, format = "date-time") Instant finishedAt,
                      @Schema(nullable = true, description = "The last failure (a running job retries it)") String lastError,
                      List<KindProgress> kinds) {
    }

    @Inject
    Sql sql;
    @Inject
    ZohoRecords zoho;
    @Inject
    ZohoInbound inbound;
    @Inject
    ZohoConfig config;
    @Inject
    ReplicaName replica;

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent ev) {
        stopping = true;
    }

    @Transactional
    public UUID start(List<String> kinds, String actor) {
        UUID id = UUID.randomUUID();
        sql.update("insert into sync_job (id, status, requested_by) values (cast(:id as uuid), 'QUEUED', :actor)",
                Params.of("id", id.toString()).and("actor", actor));
        int position = 0;
        for (String kind : kinds) {
            sql.update("insert into sync_job_kind (job_id, kind, position) values (cast(:id as uuid), :kind, :position)",
                    Params.of("id", id.toString()).and("kind", kind).and("position", position++));
        }
        return id;
    }

    public Optional<Job> find(UUID id) {
        List<KindProgress> kinds = sql.list("""
                        select kind, done, total::bigint as total, finished, next_page from sync_job_kind where job_id = cast(:id as uuid) order by position""",
                Params.of("id", id.toString()),
                r -> {
                    Long total = r.getLongOrNull("total");
                    return new KindProgress(r.getString("kind"), r.getInt("done"), total == null ? null : total.intValue(),
                            r.getBoolean("finished"), r.getInt("next_page"));
                });
        return sql.one("""
                        select id::text as id, status, requested_by, created_at, started_at, finished_at, last_error
                        from sync_job where id = cast(:id as uuid)""", Params.of("id", id.toString()),
                r -> new Job(UUID.fromString(r.getString("id")), r.getString("status"), r.getString("requested_by"),
                        r.getInstant("created_at"), r.getInstant("started_at"), r.getInstant("finished_at"), r.getString("last_error"), kinds));
    }

    /** Runs the oldest open job whose lease is free, if any (a job of a replica that died is taken over). */
    @Scheduled(every = "2s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void runNext() throws InterruptedException {
        if (!config.pull().runJobs()) {
            return;
        }
        Optional<UUID> job = claim();
        if (job.isPresent()) {
            run(job.get());
        }
    }

    @Transactional
    Optional<UUID> claim() {
        return sql.one("""
                update sync_job j set status = 'RUNNING', started_at = coalesce(j.started_at, now()),
                    leased_until = now() + cast(:lease as interval), lease_owner = :owner
                where j.id = (select id from sync_job where status in ('QUEUED', 'RUNNING')
                                and (leased_until is null or leased_until < now())
                              order by created_at limit 1 for update skip locked)
                returning j.id::text as id""", Params.of("lease", lease()).and("owner", replica.name()),
                r -> UUID.fromString(r.getString("id")));
    }

    private String lease() {
        return config.pull().jobLease().plus(config.callTimeout()).toMillis() + " milliseconds";
    }

    void run(UUID id) throws InterruptedException {
        LOG.infof("full sync %s: running on %s", id, replica.name());
        for (String kind : KINDS) {
            while (!stopping) {
                Optional<KindProgress> p = find(id).flatMap(j -> j.kinds().stream().filter(k -> k.kind().equals(kind) && !k.finished()).findFirst());
                if (p.isEmpty()) {
                    break;
                }
                JsonNode page;
                try {
                    page = "items".equals(kind) ? zoho.itemsPage(p.get().nextPage(), config.pull().pageSize(), null)
                            : zoho.contactsPage(p.get().nextPage(), config.pull().pageSize(), null);
                } catch (ZohoException.Transient e) {
                    note(id, e.getMessage());
                    Thread.sleep(e.retryAfter() != null ? e.retryAfter().toMillis() : 2_000);
                    if (!extend(id)) {
                        return;
                    }
                    continue;
                } catch (ZohoException.Refused | ZohoBudget.DayLimitReached e) {
                    fail(id, e.getMessage());
                    return;
                }
                if (!page(id, kind, p.get().nextPage(), page)) {
                    LOG.warnf("full sync %s: lease lost; another replica goes on", id);
                    return;
                }
            }
        }
        if (!stopping) {
            finish(id);
        }
    }

    /** One page's events and the job's progress, together; false when this replica no longer holds the job. */
    @Transactional
    boolean page(UUID id, String kind, int pageNumber, JsonNode page) {
        if (!extend(id)) {
            return false;
        }
        JsonNode records = page.path(kind);
        inbound.publish(kind, records);
        boolean more = page.path("page_context").path("has_more_page").asBoolean(false);
        sql.update("""
                update sync_job_kind set next_page = :next, done = done + :n, finished = :finished,
                    total = case when :finished then done + :n else total end
                where job_id = cast(:id as uuid) and kind = :kind and next_page = :page""",
                Params.of("next", pageNumber + 1).and("n", records.size()).and("finished", !more).and("id", id.toString())
                        .and("kind", kind).and("page", pageNumber));
        return true;
    }

    @Transactional
    boolean extend(UUID id) {
        return sql.update("""
                update sync_job set leased_until = now() + cast(:lease as interval), last_error = null
                where id = cast(:id as uuid) and lease_owner = :owner and status = 'RUNNING'""",
                Params.of("lease", lease()).and("id", id.toString()).and("owner", replica.name())) == 1;
    }

    @Transactional
    void note(UUID id, String error) {
        sql.update("update sync_job set last_error = :error where id = cast(:id as uuid)", Params.of("error", error).and("id", id.toString()));
    }

    @Transactional
    void finish(UUID id) {
        sql.update("""
                update sync_job set status = 'SUCCEEDED', finished_at = now(), leased_until = null
                where id = cast(:id as uuid) and lease_owner = :owner""", Params.of("id", id.toString()).and("owner", replica.name()));
        LOG.infof("full sync %s: done", id);
    }

    @Transactional
    void fail(UUID id, String error) {
        sql.update("""
                update sync_job set status = 'FAILED', finished_at = now(), leased_until = null, last_error = :error
                where id = cast(:id as uuid) and lease_owner = :owner""",
                Params.of("id", id.toString()).and("owner", replica.name()).and("error", error));
        LOG.errorf("full sync %s failed: %s", id, error);
    }
}
