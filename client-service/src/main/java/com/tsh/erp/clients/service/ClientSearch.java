package com.tsh.erp.clients.service;

import com.tsh.erp.defaults.Batch;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.Row;
import com.tsh.erp.defaults.Sql.Where;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.text.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Client lists and searches, a salesperson's clients, and the gateway's batch read. */
@ApplicationScoped
public class ClientSearch {

    private static final String LIST_FIELDS = """
            select id, name, name_ar, client_type, phone, city, region, salesperson_id, active from client""";

    @Inject
    Sql sql;
    @Inject
    SalespersonService salespeople;

    public record ClientQuery(String q, ClientType type, Long salespersonId, String region, String city, Boolean active,
                              int page, int perPage) {
    }

    /**
     * A page of clients. With {@code q} (names, email, or a phone number in any written form), every
     * word must match, in any order, and matches come in libs/text's tiers (whole words, word starts,
     * inside words, then similar words when those found less than a page), by name within each.
     */
    public Page<ClientSummary> list(ClientQuery q) {
        return list(q, null);
    }

    /** Every statement a list for {@code q} runs, with its plan (EXPLAIN ANALYZE): for the plan checks and BENCHMARKS.md. */
    public List<SearchTexts.Plan> explain(ClientQuery q) {
        List<SearchTexts.Plan> plans = new java.util.ArrayList<>();
        list(q, plans);
        return plans;
    }

    private Page<ClientSummary> list(ClientQuery q, List<SearchTexts.Plan> plans) {
        Where where = Where.of("active = :active", "active", q.active() == null || q.active())
                .andIfPresent("client_type = :type", "type", q.type())
                .andIfPresent("salesperson_id = :salespersonId", "salespersonId", q.salespersonId())
                .andIfPresent("region = :region", "region", q.region())
                .andIfPresent("city = :city", "city", q.city());
        if (q.q() == null || q.q().isBlank()) {
            String statement = LIST_FIELDS + where + " order by name, id" + Sql.PAGE;
            Params params = where.params().page(q.page(), q.perPage());
            SearchTexts.explain(sql, plans, statement, params);
            return Page.of(sql.list(statement, params, ClientSearch::summary), q.page(), q.perPage());
        }
        SearchQuery search = SearchQuery.parse(q.q());
        if (search.isEmpty()) {
            return Page.of(List.of(), q.page(), q.perPage()); // nothing but punctuation: nothing matches
        }
        return Page.of(SearchTexts.page(sql, LIST_FIELDS, where, "name, id", search, q.page(), q.perPage(), ClientSearch::summary, plans),
                q.page(), q.perPage());
    }

    /** The salesperson's active clients (404 for an unknown salesperson). */
    public Page<ClientSummary> ofSalesperson(long salespersonId, int page, int perPage) {
        salespeople.find(salespersonId);
        return list(new ClientQuery(null, null, salespersonId, null, null, true, page, perPage));
    }

    /** For the gateway: the clients with these ids, in the order asked, and the ids that do not exist. */
    public Batch<ClientSummary> byIds(List<Long> ids) {
        return Batch.of(ids, sql.list(LIST_FIELDS + " where id = any(:ids)", Params.of("ids", ids), ClientSearch::summary),
                ClientSummary::id);
    }

    private static ClientSummary summary(Row r) throws SQLException {
        return new ClientSummary(r.getLong("id"), r.getString("name"), r.getString("name_ar"), ClientType.valueOf(r.getString("client_type")),
                r.getString("phone"), r.getString("city"), r.getString("region"), r.getLongOrNull("salesperson_id"),
                r.getBoolean("active"));
    }
}
