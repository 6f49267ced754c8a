package com.tsh.erp.clients.service;

import com.tsh.erp.clients.api.ClientApi.Adjustment;
import com.tsh.erp.clients.api.ClientApi.ClientDetail;
import com.tsh.erp.clients.api.ClientApi.ClientFields;
import com.tsh.erp.clients.api.ClientApi.ClientListItem;
import com.tsh.erp.clients.api.ClientApi.LedgerEntry;
import com.tsh.erp.clients.api.ClientApi.Payment;
import com.tsh.erp.clients.api.ClientApi.Statement;
import com.tsh.erp.clients.api.ClientApi.UpdateClient;
import com.tsh.erp.clients.domain.Client;
import com.tsh.erp.clients.service.ClientLedger.Figures;
import com.tsh.erp.clients.service.ClientLedger.Kind;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Jdbc;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientUpserted;
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
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

@ApplicationScoped
public class ClientService {

    /** Statements are cut at midnight in Baghdad, where the business keeps its books. */
    static final ZoneId BOOKS_ZONE = ZoneId.of("Asia/Baghdad");
    private static final String LIST_FIELDS = """
            select id, name, name_ar, client_type, phone, city, region, salesperson_id, active from client""";

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxWriter outbox;
    @Inject
    SalespersonService salespeople;
    @Inject
    ClientLedger ledger;

    public record ClientQuery(String q, String type, Long salespersonId, String region, String city, Boolean active,
                              int page, int perPage) {
    }

    public Page<ClientListItem> list(ClientQuery q) {
        StringBuilder sql = new StringBuilder(LIST_FIELDS).append(" where active = ?");
        List<Object> params = new ArrayList<>();
        params.add(q.active() == null || q.active());
        if (q.q() != null && !q.q().isBlank()) {
            sql.append(" and ").append(SearchTexts.where("search_text", q.q(), params));
        }
        if (q.type() != null) {
            sql.append(" and client_type = ?");
            params.add(q.type());
        }
        if (q.salespersonId() != null) {
            sql.append(" and salesperson_id = ?");
            params.add(q.salespersonId());
        }
        if (q.region() != null) {
            sql.append(" and region = ?");
            params.add(q.region());
        }
        if (q.city() != null) {
            sql.append(" and city = ?");
            params.add(q.city());
        }
        sql.append(" order by name, id limit ? offset ?");
        params.add(q.perPage() + 1);
        params.add((long) (q.page() - 1) * q.perPage());
        return Page.of(listItems(sql.toString(), params), q.page(), q.perPage());
    }

    /** For the gateway: the clients with these ids that exist, in the order asked. */
    public List<ClientListItem> byIds(List<Long> ids) {
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(Long[]::new));
        Map<Long, ClientListItem> byId = new HashMap<>();
        listItems(LIST_FIELDS + " where id = any(?)", params).forEach(c -> byId.put(c.id(), c));
        return ids.stream().distinct().filter(byId::containsKey).map(byId::get).toList();
    }

    private List<ClientListItem> listItems(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(c, ps, params);
            List<ClientListItem> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ClientListItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Long.class), rs.getBoolean(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Client list query failed: " + e.getMessage(), e);
        }
    }

    public ClientDetail get(long id) {
        return detail(find(id));
    }

    @Transactional
    public ClientDetail create(ClientFields f, String actor) {
        Client c = new Client();
        apply(c, f);
        em.persist(c);
        em.flush();
        em.refresh(c);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    @Transactional
    public ClientDetail update(long id, UpdateClient req, String actor) {
        Client c = find(id);
        if (c.version != req.version()) {
            throw ApiException.conflict("stale-version", "client " + id + " is at version " + c.version + ", not "
                    + req.version() + "; reload and apply the change again");
        }
        apply(c, req.fields());
        if (req.active() != null) {
            c.active = req.active();
        }
        flush(id);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    @Transactional
    public ClientDetail deactivate(long id, String actor) {
        Client c = find(id);
        if (!c.active) {
            return detail(c);
        }
        c.active = false;
        flush(id);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    @Transactional
    public ClientDetail reassign(long id, Long salespersonId, String actor) {
        Client c = find(id);
        salespeople.requireAssignable("salesperson_id", salespersonId);
        c.salespersonId = salespersonId;
        flush(id);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    public Page<ClientListItem> ofSalesperson(long salespersonId, int page, int perPage) {
        salespeople.find(salespersonId);
        return list(new ClientQuery(null, null, salespersonId, null, null, true, page, perPage));
    }

    @Transactional
    public ClientDetail pay(long id, Payment p, String actor) {
        requireLocked(id);
        ledger.record(id, Kind.PAYMENT, p.amount().negate(), null, p.method(), p.reference().strip(), p.note(), actor);
        return get(id);
    }

    @Transactional
    public ClientDetail adjust(long id, Adjustment a, String actor) {
        requireLocked(id);
        if (a.amount().signum() == 0) {
            throw ApiException.badRequest("amount", "must not be 0");
        }
        if ("CREDIT_NOTE".equals(a.kind())) {
            if (a.amount().signum() < 0) {
                throw ApiException.badRequest("amount", "a credit note is a positive amount that lowers the balance");
            }
            if (a.reference() == null || a.reference().isBlank()) {
                throw ApiException.badRequest("reference", "a credit note needs its reference");
            }
            ledger.record(id, Kind.CREDIT_NOTE, a.amount().negate(), null, null, a.reference().strip(), a.reason().strip(), actor);
        } else {
            ledger.record(id, Kind.ADJUSTMENT, a.amount(), null, null,
                    a.reference() == null || a.reference().isBlank() ? null : a.reference().strip(), a.reason().strip(), actor);
        }
        return get(id);
    }

    /** Entries dated from..to (inclusive, days in Baghdad), oldest first, with the running balance after each. */
    public Statement statement(long id, LocalDate from, LocalDate to, int page, int perPage) {
        find(id);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from", "must not be after to");
        }
        Timestamp start = from == null ? null : Timestamp.from(from.atStartOfDay(BOOKS_ZONE).toInstant());
        Timestamp end = to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(BOOKS_ZONE).toInstant());
        try (Connection c = dataSource.getConnection()) {
            BigDecimal opening = BigDecimal.ZERO.setScale(2);
            BigDecimal closing;
            try (PreparedStatement ps = c.prepareStatement("""
                    select coalesce(sum(amount) filter (where ?::timestamptz is not null and created_at < ?), 0)::numeric(14, 2),
                           coalesce(sum(amount) filter (where ?::timestamptz is null or created_at < ?), 0)::numeric(14, 2)
                    from client_ledger where client_id = ?""")) {
                ps.setTimestamp(1, start);
                ps.setTimestamp(2, start);
                ps.setTimestamp(3, end);
                ps.setTimestamp(4, end);
                ps.setLong(5, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    opening = rs.getBigDecimal(1);
                    closing = rs.getBigDecimal(2);
                }
            }
            List<LedgerEntry> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, kind, amount, balance_after, order_id, payment_method, reference, note, actor, created_at
                    from client_ledger
                    where client_id = ? and (?::timestamptz is null or created_at >= ?) and (?::timestamptz is null or created_at < ?)
                    order by created_at, id limit ? offset ?""")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, start);
                ps.setTimestamp(3, start);
                ps.setTimestamp(4, end);
                ps.setTimestamp(5, end);
                ps.setInt(6, perPage + 1);
                ps.setLong(7, (long) (page - 1) * perPage);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getTimestamp(10).toInstant()));
                    }
                }
            }
            Page<LedgerEntry> p = Page.of(rows, page, perPage);
            return new Statement(id, from, to, opening, closing, p.items(), page, perPage, p.hasMore());
        } catch (SQLException e) {
            throw new IllegalStateException("Statement query failed: " + e.getMessage(), e);
        }
    }

    private void requireLocked(long id) {
        Figures f = ledger.lock(id);
        if (f == null) {
            throw ApiException.notFound("Client", id);
        }
    }

    Client find(long id) {
        Client c = em.find(Client.class, id);
        if (c == null) {
            throw ApiException.notFound("Client", id);
        }
        return c;
    }

    private void apply(Client c, ClientFields f) {
        salespeople.requireAssignable("salesperson_id", f.salespersonId());
        if ("RETAIL".equals(f.clientType()) && f.creditLimit() != null && f.creditLimit().signum() > 0) {
            throw ApiException.badRequest("credit_limit", "retail clients buy without credit; leave it out or 0");
        }
        if (f.zohoContactId() != null) {
            Long taken = em.createQuery("select c.id from Client c where c.zohoContactId = :z", Long.class)
                    .setParameter("z", f.zohoContactId()).getResultStream().findFirst().orElse(null);
            if (taken != null && !taken.equals(c.id)) {
                throw ApiException.conflict("duplicate-zoho-contact", "Zoho contact " + f.zohoContactId()
                        + " is already linked to client " + taken);
            }
        }
        c.name = f.name().strip();
        c.nameAr = f.nameAr().strip();
        c.clientType = f.clientType();
        c.phone = Phones.toE164("phone", f.phone());
        c.email = f.email() == null || f.email().isBlank() ? null : f.email().strip().toLowerCase(Locale.ROOT);
        c.address = SalespersonService.blankToNull(f.address());
        c.city = SalespersonService.blankToNull(f.city());
        c.region = SalespersonService.blankToNull(f.region());
        c.salespersonId = f.salespersonId();
        c.creditLimit = f.creditLimit() == null ? BigDecimal.ZERO.setScale(2) : f.creditLimit();
        c.zohoContactId = f.zohoContactId();
        c.searchText = SearchTexts.of(c.name, c.nameAr, c.phone, c.email);
    }

    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("stale-version", "client " + id + " was changed meanwhile; reload it");
        }
    }

    ClientDetail changed(Client c, String actor, String origin) {
        outbox.append(ClientEvents.CLIENT_UPSERTED, String.valueOf(c.id), c.version, actor, origin,
                new ClientUpserted(c.id, c.name, c.nameAr, c.clientType, c.phone, c.email, c.address, c.city, c.region,
                        c.salespersonId, c.creditLimit, c.active, c.zohoContactId, c.createdAt, c.updatedAt));
        return detail(c);
    }

    private ClientDetail detail(Client c) {
        Figures f = ledger.figures(c.id);
        return new ClientDetail(c.id, c.name, c.nameAr, c.clientType, c.phone, c.email, c.address, c.city, c.region,
                c.salespersonId, c.creditLimit, f.balance(), f.reservedCredit(),
                "WHOLESALE".equals(c.clientType) ? f.availableCredit() : null, c.active, c.zohoContactId, c.createdAt,
                c.updatedAt, c.version);
    }
}
