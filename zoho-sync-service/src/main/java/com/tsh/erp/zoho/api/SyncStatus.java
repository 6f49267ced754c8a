package com.tsh.erp.zoho.api;

import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.zoho.client.ZohoBudget;
import com.tsh.erp.zoho.client.ZohoToken;
import com.tsh.erp.zoho.config.ZohoConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of {@code GET /sync/status}, and the same figures as metrics on {@code /q/metrics}. */
@ApplicationScoped
public class SyncStatus {

    public static final List<String> KINDS = List.of("product", "client", "order");

    public record KindStatus(
            @Schema(description = "product, client or order") String kind,
            @Schema(description = "Who is master of the kind: zoho, both or erp") String master,
            @Schema(description = "Records with a Zoho id") long mapped,
            @Schema(description = "Records with changes waiting to be sent") long pending,
            @Schema(description = "Of the pending, those waiting for other records to reach Zoho first") long waiting,
            @Schema(description = "Records Zoho refused, waiting for a fix or a retry") long failed) {
    }

    public record Budget(int minuteUsed, int minuteLeft, int minuteLimit, int dayUsed, int dayLeft, int dayLimit, int inFlight,
                         int maxConcurrent) {
    }

    public record Token(
            @Schema(description = "valid, expiring (refreshed at the next call) or missing") String state,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant expiresAt,
            @Schema(description = "Refreshes made by this replica since it started") long refreshesHere) {
    }

    public record LastError(String kind, String erpId, @Schema(nullable = true, implementation = Integer.class) Integer code,
                            String message, @Schema(implementation = String.class, format = "date-time") Instant at) {
    }

    public record Status(List<KindStatus> kinds,
                         @Schema(description = "Events not yet read, per topic (empty when the broker did not answer)") Map<String, Long> consumerLag,
                         Budget budget, Token token,
                         @Schema(type = SchemaType.OBJECT, implementation = LastError.class, nullable = true) LastError lastError) {
    }

    @Inject
    Sql sql;
    @Inject
    ZohoBudget budget;
    @Inject
    ZohoToken token;
    @Inject
    ZohoConfig config;
    @Inject
    ConsumerLag lag;
    @Inject
    MeterRegistry metrics;

    record Counts(String kind, long mapped, long pending, long waiting, long failed) {
    }

    /** Counted in the database, one query (the partial indexes keep pending and failed cheap). */
    List<Counts> counts() {
        return sql.list("""
                select k.kind,
                       (select count(*) from zoho_mapping m where m.kind = k.kind) as mapped,
                       (select count(*) from sync_task t where t.kind = k.kind and t.status = 'PENDING') as pending,
                       (select count(*) from sync_task t where t.kind = k.kind and t.status = 'PENDING' and t.waiting_for is not null) as waiting,
                       (select count(*) from sync_task t where t.kind = k.kind and t.status = 'FAILED') as failed
                from unnest(cast(:kinds as text[])) as k(kind)""", Params.of("kinds", KINDS.toArray(String[]::new)),
                r -> new Counts(r.getString("kind"), r.getLong("mapped"), r.getLong("pending"), r.getLong("waiting"), r.getLong("failed")));
    }

    public Status status() {
        List<KindStatus> kinds = counts().stream().map(c -> new KindStatus(c.kind(), master(c.kind()), c.mapped(), c.pending(),
                c.waiting(), c.failed())).toList();
        ZohoBudget.Usage u = budget.usage();
        ZohoToken.Token t = token.peek();
        String tokenState = t == null ? "missing"
                : Instant.now().plus(config.tokenRefreshBefore()).isBefore(t.expiresAt()) ? "valid" : "expiring";
        LastError last = sql.one("""
                select kind, erp_id, last_error_code::bigint as last_error_code, last_error_message, last_error_at from sync_task
                where last_error_at is not null order by last_error_at desc limit 1""", Params.none(),
                r -> {
                    Long code = r.getLongOrNull("last_error_code");
                    return new LastError(r.getString("kind"), r.getString("erp_id"), code == null ? null : code.intValue(),
                            r.getString("last_error_message"), r.getInstant("last_error_at"));
                }).orElse(null);
        return new Status(kinds, lag.byTopic(),
                new Budget(u.minuteUsed(), Math.max(0, u.minuteLimit() - u.minuteUsed()), u.minuteLimit(), u.dayUsed(),
                        Math.max(0, u.dayLimit() - u.dayUsed()), u.dayLimit(), u.inFlight(), u.maxConcurrent()),
                new Token(tokenState, t == null ? null : t.expiresAt(), token.refreshes()), last);
    }

    private String master(String kind) {
        return switch (kind) {
            case "product" -> config.master().products().name();
            case "client" -> config.master().clients().name();
            default -> config.master().orders().name();
        };
    }

    void gauges(@Observes StartupEvent ev) {
        for (String kind : KINDS) {
            gauge("tsh_zoho_mapped", kind, c -> c.mapped());
            gauge("tsh_zoho_pending", kind, c -> c.pending());
            gauge("tsh_zoho_failed", kind, c -> c.failed());
        }
        Gauge.builder("tsh_zoho_budget_minute_used", budget, b -> b.usage().minuteUsed()).register(metrics);
        Gauge.builder("tsh_zoho_budget_day_used", budget, b -> b.usage().dayUsed()).register(metrics);
        Gauge.builder("tsh_zoho_budget_in_flight", budget, b -> b.usage().inFlight()).register(metrics);
        Gauge.builder("tsh_zoho_token_refreshes", token, ZohoToken::refreshes).register(metrics);
    }

    private void gauge(String name, String kind, ToDoubleFunction<Counts> figure) {
        Gauge.builder(name, this, s -> s.counts().stream().filter(c -> c.kind().equals(kind)).mapToDouble(figure).sum())
                .tag("kind", kind).register(metrics);
    }
}
