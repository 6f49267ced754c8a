package com.tsh.erp.zoho.push;

import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The push queue: one {@code sync_task} row per record with changes Zoho does not have yet. Events
 * offer their record's newest state; workers claim the most urgent due row with a lease (so two
 * replicas never push one record at once, and a dead replica's rows come back), and finish it by
 * deleting it only if no newer state arrived meanwhile.
 */
@ApplicationScoped
public class SyncTasks {

    public static final int ORDER_PRIORITY = 0;
    public static final int CLIENT_PRIORITY = 1;
    public static final int PRODUCT_PRIORITY = 2;

    /** A claimed row. */
    public record Task(long id, String kind, String erpId, long version, String state, int attempts, boolean createUnsure,
                      String waitingFor, Instant waitingSince) {
    }

    @Inject
    Sql sql;

    /**
     * Offers a record's state at an ERP version: kept when newer than what waits and than what Zoho was
     * last given, ignored otherwise (a redelivered or older event). An order's states merge (its
     * confirmed contents stay when its delivery or cancellation comes later). A failed row becomes
     * pending again: a newer state may be the fix.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean offer(String kind, String erpId, int priority, long version, String stateJson) {
        return sql.update("""
                insert into sync_task (kind, erp_id, priority, version, state)
                select :kind, :erpId, :priority, :version, cast(:state as jsonb)
                where not exists (select 1 from zoho_mapping m where m.kind = :kind and m.erp_id = :erpId and m.synced_version >= :version)
                on conflict (kind, erp_id) do update set
                    version = excluded.version,
                    state = case when sync_task.kind = 'order' then sync_task.state || excluded.state else excluded.state end,
                    status = 'PENDING', attempts = 0, next_attempt_at = now(), waiting_for = null, waiting_keys = null,
                    waiting_since = null, updated_at = now(),
                    priority = least(sync_task.priority, excluded.priority)
                where sync_task.version < excluded.version""",
                Params.of("kind", kind).and("erpId", erpId).and("priority", priority).and("version", version).and("state", stateJson)) == 1;
    }

    /** The most urgent due row not held by another worker, leased to {@code owner}. */
    @Transactional
    public Optional<Task> claim(String owner, Duration lease) {
        return sql.one("""
                update sync_task t set leased_until = now() + cast(:lease as interval), lease_owner = :owner,
                    attempts = t.attempts + 1, updated_at = now()
                where t.id = (select id from sync_task
                              where status = 'PENDING' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
                              order by priority, next_attempt_at limit 1 for update skip locked)
                returning t.id, t.kind, t.erp_id, t.version, t.state::text as state, t.attempts, t.create_unsure, t.waiting_for,
                    t.waiting_since""",
                Params.of("lease", lease.toMillis() + " milliseconds").and("owner", owner),
                r -> new Task(r.getLong("id"), r.getString("kind"), r.getString("erp_id"), r.getLong("version"), r.getString("state"),
                        r.getInt("attempts"), r.getBoolean("create_unsure"), r.getString("waiting_for"),
                        r.getInstant("waiting_since")));
    }

    /** A create is about to be sent: until the record is mapped, a retry looks Zoho up first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createSent(Task t) {
        sql.update("update sync_task set create_unsure = true where id = :id", Params.of("id", t.id()));
    }

    /** Zoho has the state this worker pushed: the row goes, unless a newer state came in meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(Task t) {
        int deleted = sql.update("delete from sync_task where id = :id and version = :version", Params.of("id", t.id()).and("version", t.version()));
        if (deleted == 0) {
            sql.update("""
                    update sync_task set leased_until = null, lease_owner = null, attempts = 0, create_unsure = false,
                        next_attempt_at = now(), updated_at = now() where id = :id""", Params.of("id", t.id()));
        }
    }

    /** Try again after {@code delay} (a failure that may pass); whatever it waited for before is not waited for now. */
    @Transactional
    public void later(Task t, Duration delay, Integer code, String error, String waitingFor) {
        sql.update("""
                update sync_task set leased_until = null, lease_owner = null,
                    next_attempt_at = now() + cast(:delay as interval), waiting_for = :waitingFor, waiting_keys = null, waiting_since = null,
                    last_error_code = coalesce(:code, last_error_code), last_error_message = coalesce(:error, last_error_message),
                    last_error_at = case when cast(:error as text) is null then last_error_at else now() end, updated_at = now()
                where id = :id""",
                Params.of("id", t.id()).and("delay", delay.toMillis() + " milliseconds").and("waitingFor", waitingFor)
                        .and("code", code).and("error", error));
    }

    /**
     * The record waits for others to reach Zoho ({@code keys}, {@code <kind>:<erp id>}): {@link #wake} takes it up as
     * soon as one is mapped; {@code poll} is only the safety net (a mapping committed while this row was being written
     * is seen by neither side). If every key is mapped by now, it is due at once.
     */
    @Transactional
    public void waiting(Task t, Duration poll, String what, Collection<String> keys) {
        sql.update("""
                update sync_task set leased_until = null, lease_owner = null, waiting_for = :what,
                    waiting_keys = cast(:keys as text[]), waiting_since = coalesce(waiting_since, now()), updated_at = now(),
                    next_attempt_at = case when exists (select 1 from unnest(cast(:keys as text[])) k where not exists (
                            select 1 from zoho_mapping m where m.kind = split_part(k, ':', 1) and m.erp_id = split_part(k, ':', 2)))
                        then now() + cast(:poll as interval) else now() end
                where id = :id""",
                Params.of("id", t.id()).and("what", what).and("keys", keys.toArray(String[]::new))
                        .and("poll", poll.toMillis() + " milliseconds"));
    }

    /** A record reached Zoho: whatever waits for it is due now (only orders wait, and only for clients and products). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wake(String kind, String erpId) {
        if (!kind.equals("client") && !kind.equals("product")) {
            return; // an order's or invoice's mapping: nothing waits for it, so no statement
        }
        sql.update("""
                update sync_task set next_attempt_at = now(), updated_at = now()
                where status = 'PENDING' and waiting_keys @> array[cast(:key as text)] and next_attempt_at > now()""",
                Params.of("key", kind + ":" + erpId));
    }

    /** Zoho refused the data: kept as FAILED with Zoho's code and message until a newer change or a retry. */
    @Transactional
    public void failed(Task t, int code, String message) {
        sql.update("""
                update sync_task set status = 'FAILED', leased_until = null, lease_owner = null, waiting_for = null, waiting_keys = null,
                    last_error_code = :code, last_error_message = :message, last_error_at = now(), updated_at = now()
                where id = :id and version = :version""",
                Params.of("id", t.id()).and("version", t.version()).and("code", code).and("message", message));
        // a newer state arrived while this one was refused: it is pending and will be tried
        sql.update("update sync_task set leased_until = null, lease_owner = null where id = :id and status = 'PENDING'",
                Params.of("id", t.id()));
    }

    /** An order's missing client and products go first: priority of an order, due now. */
    @Transactional
    public void raise(String kind, Collection<String> erpIds) {
        sql.update("""
                update sync_task set priority = :priority, next_attempt_at = least(next_attempt_at, now()), updated_at = now()
                where kind = :kind and erp_id = any(:ids) and status = 'PENDING'""",
                Params.of("priority", ORDER_PRIORITY).and("kind", kind).and("ids", erpIds.toArray(String[]::new)));
    }

    /** Whether a record waits to be pushed, and how ({@code PENDING} or {@code FAILED}). */
    public Optional<String> status(String kind, String erpId) {
        return sql.one("select status from sync_task where kind = :kind and erp_id = :erpId",
                Params.of("kind", kind).and("erpId", erpId), r -> r.getString("status"));
    }

    /** A failed row back to pending, tried at once; false when there is no such failed row. */
    @Transactional
    public boolean retry(long id) {
        return sql.update("""
                update sync_task set status = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now()
                where id = :id and status = 'FAILED'""", Params.of("id", id)) == 1;
    }
}
