package com.tsh.erp.zoho.push;

import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ERP id <-> Zoho id, with what Zoho was last given ({@code zoho_mapping}). */
@ApplicationScoped
public class Mappings {

    public record Mapping(
            @Schema(description = "product, client, order or invoice") String kind,
            String erpId,
            String zohoId,
            @Schema(nullable = true, description = "What Zoho can be searched by: SKU, phone or order number") String erpKey,
            @Schema(description = "The ERP version Zoho was last given (0: the record came from Zoho)") long syncedVersion,
            @Schema(nullable = true, description = "Zoho's status as we left it: active, inactive, open, void") String zohoStatus,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant zohoModifiedAt,
            @Schema(implementation = String.class, format = "date-time") Instant syncedAt) {
    }

    private static final String COLUMNS = "kind, erp_id, zoho_id, erp_key, synced_version, zoho_status, zoho_modified_at, synced_at";

    @Inject
    Sql sql;
    @Inject
    SyncTasks tasks;

    static Mapping row(Sql.Row r) throws java.sql.SQLException {
        return new Mapping(r.getString("kind"), r.getString("erp_id"), r.getString("zoho_id"), r.getString("erp_key"),
                r.getLong("synced_version"), r.getString("zoho_status"), r.getInstant("zoho_modified_at"), r.getInstant("synced_at"));
    }

    public Optional<Mapping> find(String kind, String erpId) {
        return sql.one("select " + COLUMNS + " from zoho_mapping where kind = :kind and erp_id = :erpId",
                Params.of("kind", kind).and("erpId", erpId), Mappings::row);
    }

    public Optional<Mapping> byZohoId(String kind, String zohoId) {
        return sql.one("select " + COLUMNS + " from zoho_mapping where kind = :kind and zoho_id = :zohoId",
                Params.of("kind", kind).and("zohoId", zohoId), Mappings::row);
    }

    /** Zoho ids of these ERP ids of one kind, in one query. */
    public Map<String, String> zohoIds(String kind, Collection<String> erpIds) {
        return sql.list("select erp_id, zoho_id from zoho_mapping where kind = :kind and erp_id = any(:ids)",
                        Params.of("kind", kind).and("ids", erpIds.toArray(String[]::new)),
                        r -> Map.entry(r.getString("erp_id"), r.getString("zoho_id")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Records what Zoho now holds for an ERP record. The ERP version only grows; the Zoho id of a record
     * never changes once known (a second Zoho record for one ERP record is what this table prevents).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void save(String kind, String erpId, String zohoId, String erpKey, long version, String zohoStatus, Instant zohoModifiedAt) {
        sql.update("""
                insert into zoho_mapping (kind, erp_id, zoho_id, erp_key, synced_version, zoho_status, zoho_modified_at, synced_at)
                values (:kind, :erpId, :zohoId, :erpKey, :version, :status, :modified, now())
                on conflict (kind, erp_id) do update set erp_key = coalesce(excluded.erp_key, zoho_mapping.erp_key),
                    synced_version = greatest(zoho_mapping.synced_version, excluded.synced_version),
                    zoho_status = coalesce(excluded.zoho_status, zoho_mapping.zoho_status),
                    zoho_modified_at = coalesce(excluded.zoho_modified_at, zoho_mapping.zoho_modified_at), synced_at = now()""",
                Params.of("kind", kind).and("erpId", erpId).and("zohoId", zohoId).and("erpKey", erpKey).and("version", version)
                        .and("status", zohoStatus).and("modified", zohoModifiedAt));
        tasks.wake(kind, erpId); // an order waiting for this client or product goes now
    }

    /** A record that came from Zoho (its ERP event names the Zoho id): mapped, nothing to push. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adopt(String kind, String erpId, String zohoId, String erpKey) {
        sql.update("""
                insert into zoho_mapping (kind, erp_id, zoho_id, erp_key) values (:kind, :erpId, :zohoId, :erpKey)
                on conflict do nothing""",
                Params.of("kind", kind).and("erpId", erpId).and("zohoId", zohoId).and("erpKey", erpKey));
        tasks.wake(kind, erpId);
    }

    public List<Mapping> page(String kind, String erpId, String zohoId, int page, int perPage) {
        Sql.Where where = Sql.Where.none().andIfPresent("kind = :kind", "kind", kind).andIfPresent("erp_id = :erpId", "erpId", erpId)
                .andIfPresent("zoho_id = :zohoId", "zohoId", zohoId);
        return sql.list("select " + COLUMNS + " from zoho_mapping" + where + " order by kind, synced_at desc, erp_id" + Sql.PAGE,
                where.params().page(page, perPage), Mappings::row);
    }
}
