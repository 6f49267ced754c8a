package com.tsh.erp.clients.service;

import com.tsh.erp.clients.domain.Salesperson;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Where;
import com.tsh.erp.text.SearchQuery;
import java.util.List;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.SalespersonKind;
import com.tsh.erp.events.clients.SalespersonUpserted;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Locale;

@ApplicationScoped
public class SalespersonService {

    @Inject
    EntityManager em;
    @Inject
    Entities entities;
    @Inject
    Sql sql;
    @Inject
    OutboxWriter outbox;

    private static final String FIELDS = """
            select id, name, name_ar, phone, email, kind, region, commission_rate, active, updated_at, version
            from salesperson""";

    /** Salespeople, filtered; with {@code q}, searched as clients are ({@link SearchTexts}). */
    public Page<SalespersonRecord> list(String q, SalespersonKind kind, String region, Boolean active, int page, int perPage) {
        Where where = Where.of("active = :active", "active", active == null || active)
                .andIfPresent("kind = :kind", "kind", kind)
                .andIfPresent("region = :region", "region", region);
        if (q == null || q.isBlank()) {
            return Page.of(sql.list(FIELDS + where + " order by name, id" + Sql.PAGE, where.params().page(page, perPage),
                    SalespersonService::record), page, perPage);
        }
        SearchQuery search = SearchQuery.parse(q);
        if (search.isEmpty()) {
            return Page.of(List.of(), page, perPage);
        }
        return Page.of(SearchTexts.page(sql, FIELDS, where, "name, id", search, page, perPage, SalespersonService::record, null),
                page, perPage);
    }

    private static SalespersonRecord record(Sql.Row r) throws java.sql.SQLException {
        return new SalespersonRecord(r.getLong("id"), r.getString("name"), r.getString("name_ar"), r.getString("phone"),
                r.getString("email"), SalespersonKind.valueOf(r.getString("kind")), r.getString("region"),
                r.getBigDecimal("commission_rate"), r.getBoolean("active"), r.getInstant("updated_at"), r.getLong("version"));
    }

    public SalespersonRecord get(long id) {
        return view(find(id));
    }

    @Transactional
    public SalespersonRecord create(SalespersonInput f, String actor) {
        Salesperson s = new Salesperson();
        apply(s, f);
        entities.persist(s);
        return changed(s, actor);
    }

    @Transactional
    public SalespersonRecord update(long id, long version, SalespersonInput f, String actor) {
        Salesperson s = entities.atVersion(Salesperson.class, id, version);
        apply(s, f);
        entities.flush(s);
        return changed(s, actor);
    }

    @Transactional
    public SalespersonRecord deactivate(long id, String actor) {
        Salesperson s = find(id);
        if (s.active) {
            s.active = false;
            entities.flush(s);
            return changed(s, actor);
        }
        return view(s);
    }

    /** Throws 422 naming {@code field} unless an active salesperson has this id. */
    public void requireAssignable(String field, Long id) {
        if (id == null) {
            return;
        }
        Salesperson s = em.find(Salesperson.class, id);
        if (s == null) {
            throw ApiException.unprocessable(field, "salesperson " + id + " does not exist");
        }
        if (!s.active) {
            throw ApiException.unprocessable(field, "salesperson " + id + " is not active");
        }
    }

    Salesperson find(long id) {
        return entities.find(Salesperson.class, id);
    }

    private static void apply(Salesperson s, SalespersonInput f) {
        s.name = f.name().strip();
        s.nameAr = f.nameAr().strip();
        s.phone = Phones.toE164("phone", f.phone());
        s.email = f.email() == null || f.email().isBlank() ? null : f.email().strip().toLowerCase(Locale.ROOT);
        s.kind = f.kind();
        s.region = blankToNull(f.region());
        s.commissionRate = f.commissionRate() == null ? BigDecimal.ZERO.setScale(2) : f.commissionRate();
        if (f.active() != null) {
            s.active = f.active();
        }
        s.searchText = SearchTexts.of(s.name, s.nameAr, s.phone, s.email);
    }

    private SalespersonRecord changed(Salesperson s, String actor) {
        outbox.append(ClientEvents.SALESPERSON_UPSERTED, String.valueOf(s.id), s.version, actor,
                new SalespersonUpserted(s.id, s.name, s.nameAr, s.phone, s.email, s.kind, s.region, s.commissionRate,
                        s.active, s.updatedAt));
        return view(s);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static SalespersonRecord view(Salesperson s) {
        return new SalespersonRecord(s.id, s.name, s.nameAr, s.phone, s.email, s.kind, s.region, s.commissionRate, s.active,
                s.updatedAt, s.version);
    }
}
