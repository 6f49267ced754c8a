package com.tsh.erp.clients.service;

import com.tsh.erp.clients.api.SalespersonApi.SalespersonFields;
import com.tsh.erp.clients.api.SalespersonApi.SalespersonView;
import com.tsh.erp.clients.api.SalespersonApi.UpdateSalesperson;
import com.tsh.erp.clients.domain.Salesperson;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Jdbc;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.SalespersonUpserted;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

@ApplicationScoped
public class SalespersonService {

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxWriter outbox;

    public Page<SalespersonView> list(String q, String kind, String region, Boolean active, int page, int perPage) {
        StringBuilder sql = new StringBuilder("""
                select id, name, name_ar, phone, email, kind, region, commission_rate, active, updated_at, version
                from salesperson where active = ?""");
        List<Object> params = new ArrayList<>();
        params.add(active == null || active);
        if (q != null && !q.isBlank()) {
            sql.append(" and ").append(SearchTexts.where("search_text", q, params));
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind);
        }
        if (region != null) {
            sql.append(" and region = ?");
            params.add(region);
        }
        sql.append(" order by name, id limit ? offset ?");
        params.add(perPage + 1);
        params.add((long) (page - 1) * perPage);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Jdbc.bind(c, ps, params);
            List<SalespersonView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SalespersonView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBoolean(9),
                            rs.getTimestamp(10).toInstant(), rs.getLong(11)));
                }
            }
            return Page.of(rows, page, perPage);
        } catch (SQLException e) {
            throw new IllegalStateException("Salesperson list query failed: " + e.getMessage(), e);
        }
    }

    public SalespersonView get(long id) {
        return view(find(id));
    }

    @Transactional
    public SalespersonView create(SalespersonFields f, String actor) {
        Salesperson s = new Salesperson();
        apply(s, f);
        em.persist(s);
        em.flush();
        return changed(s, actor);
    }

    @Transactional
    public SalespersonView update(long id, UpdateSalesperson req, String actor) {
        Salesperson s = find(id);
        if (s.version != req.version()) {
            throw ApiException.conflict("stale-version", "salesperson " + id + " is at version " + s.version + ", not "
                    + req.version() + "; reload and apply the change again");
        }
        apply(s, req.fields());
        if (req.active() != null) {
            s.active = req.active();
        }
        flush(id);
        return changed(s, actor);
    }

    @Transactional
    public SalespersonView deactivate(long id, String actor) {
        Salesperson s = find(id);
        if (s.active) {
            s.active = false;
            flush(id);
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
        Salesperson s = em.find(Salesperson.class, id);
        if (s == null) {
            throw ApiException.notFound("Salesperson", id);
        }
        return s;
    }

    private static void apply(Salesperson s, SalespersonFields f) {
        s.name = f.name().strip();
        s.nameAr = f.nameAr().strip();
        s.phone = Phones.toE164("phone", f.phone());
        s.email = f.email() == null || f.email().isBlank() ? null : f.email().strip().toLowerCase(Locale.ROOT);
        s.kind = f.kind();
        s.region = blankToNull(f.region());
        s.commissionRate = f.commissionRate() == null ? BigDecimal.ZERO.setScale(2) : f.commissionRate();
        s.searchText = SearchTexts.of(s.name, s.nameAr, s.phone, s.email);
    }

    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("stale-version", "salesperson " + id + " was changed meanwhile; reload it");
        }
    }

    private SalespersonView changed(Salesperson s, String actor) {
        outbox.append(ClientEvents.SALESPERSON_UPSERTED, String.valueOf(s.id), s.version, actor,
                new SalespersonUpserted(s.id, s.name, s.nameAr, s.phone, s.email, s.kind, s.region, s.commissionRate,
                        s.active, s.updatedAt));
        return view(s);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static SalespersonView view(Salesperson s) {
        return new SalespersonView(s.id, s.name, s.nameAr, s.phone, s.email, s.kind, s.region, s.commissionRate, s.active,
                s.updatedAt, s.version);
    }
}
