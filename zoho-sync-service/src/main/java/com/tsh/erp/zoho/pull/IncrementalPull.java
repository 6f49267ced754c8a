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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every {@code tsh.zoho.pull.every} (5 minutes), what changed in Zoho since the last pull: Zoho's list
 * filtered by {@code last_modified_time} and sorted by it, page by page, published on
 * {@code zoho.inbound}. The watermark (the newest time taken) moves with each page in the same
 * transaction as its events. The next pull starts one second before it (Zoho's times have whole
 * seconds; a record changed in the same second as the watermark is taken again, and applied once by
 * the owning service, which ignores a change it already has). One replica pulls a kind at a time
 * (a lease on {@code pull_state}). A kind whose master is the ERP is not pulled.
 */
@ApplicationScoped
public class IncrementalPull {

    private static final Logger LOG = Logger.getLogger(IncrementalPull.class);

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

    @Scheduled(every = "${tsh.zoho.pull.every}", delayed = "${tsh.zoho.pull.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() throws InterruptedException {
        if (!config.pull().incremental()) {
            return;
        }
        if (config.master().products().pulls()) {
            pull("items");
        }
        if (config.master().clients().pulls()) {
            pull("contacts");
        }
    }

    /** Pulls one kind now; false when another replica is pulling it. */
    public boolean pull(String kind) throws InterruptedException {
        if (!claim(kind)) {
            return false;
        }
        try {
            Instant since = watermark(kind);
            int pageNumber = 1;
            while (true) {
                Instant from = since == null ? null : since.minusSeconds(1);
                JsonNode page = "items".equals(kind) ? zoho.itemsPage(pageNumber, config.pull().pageSize(), from)
                        : zoho.contactsPage(pageNumber, config.pull().pageSize(), from);
                apply(kind, page);
                if (!page.path("page_context").path("has_more_page").asBoolean(false)) {
                    break;
                }
                pageNumber++;
            }
            release(kind, null);
            return true;
        } catch (ZohoException | ZohoBudget.DayLimitReached e) {
            LOG.warnf("incremental pull of %s stopped: %s (the next pull goes on from the last page taken)", kind, e.getMessage());
            release(kind, e.getMessage());
            return true;
        }
    }

    @Transactional
    void apply(String kind, JsonNode page) {
        JsonNode records = page.path(kind);
        inbound.publish(kind, records);
        Instant newest = null;
        for (JsonNode r : records) {
            Instant t = ZohoRecords.time(r.get("last_modified_time"));
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        if (newest != null) {
            sql.update("update pull_state set watermark = greatest(coalesce(watermark, :t), :t) where kind = :kind",
                    Params.of("t", newest).and("kind", kind));
        }
    }

    Instant watermark(String kind) {
        return sql.one("select watermark from pull_state where kind = :kind", Params.of("kind", kind), r -> r.getInstant("watermark")).orElse(null);
    }

    @Transactional
    boolean claim(String kind) {
        return sql.update("""
                update pull_state set leased_until = now() + cast(:lease as interval), lease_owner = :owner
                where kind = :kind and (leased_until is null or leased_until < now())""",
                Params.of("lease", Duration.ofMinutes(10).toMillis() + " milliseconds").and("owner", replica.name()).and("kind", kind)) == 1;
    }

    @Transactional
    void release(String kind, String error) {
        sql.update("""
                update pull_state set leased_until = null, lease_owner = null, last_pull_at = now(), last_error = :error
                where kind = :kind and lease_owner = :owner""", Params.of("kind", kind).and("owner", replica.name()).and("error", error));
    }
}
