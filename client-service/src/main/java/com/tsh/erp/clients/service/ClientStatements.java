package com.tsh.erp.clients.service;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.clients.LedgerEntryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A client's statement: ledger entries between two Baghdad days with the running balance, opening and closing balances. */
@ApplicationScoped
public class ClientStatements {

    /** Statements are cut at midnight in Baghdad, where the business keeps its books. */
    static final ZoneId BOOKS_ZONE = ZoneId.of("Asia/Baghdad");

    @Inject
    Sql sql;
    @Inject
    ClientWrites clients;

    /** One ledger entry; {@code balanceAfter} is the running balance. */
    public record Entry(long id, LedgerEntryKind kind, BigDecimal amount, BigDecimal balanceAfter, String orderId,
                        PaymentMethod paymentMethod, String reference, String note, String actor, Instant createdAt) {
    }

    /** One page of a statement. */
    public record Statement(long clientId, LocalDate from, LocalDate to, BigDecimal openingBalance,
                            BigDecimal closingBalance, Page<Entry> entries) {
    }

    /** Entries dated from..to (inclusive, days in Baghdad), oldest first, with the running balance after each. */
    public Statement statement(long id, LocalDate from, LocalDate to, int page, int perPage) {
        clients.find(id);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from", "must not be after to");
        }
        Instant start = from == null ? null : from.atStartOfDay(BOOKS_ZONE).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(BOOKS_ZONE).toInstant();
        Params params = Params.of("id", id).and("start", start).and("end", end);
        record Balances(BigDecimal opening, BigDecimal closing) {
        }
        Balances balances = sql.one("""
                        select coalesce(sum(amount) filter (where :start::timestamptz is not null and created_at < :start), 0)::numeric(18, 2) as opening,
                               coalesce(sum(amount) filter (where :end::timestamptz is null or created_at < :end), 0)::numeric(18, 2) as closing
                        from client_ledger where client_id = :id""", params,
                r -> new Balances(r.getBigDecimal("opening"), r.getBigDecimal("closing"))).orElseThrow();
        Page<Entry> entries = Page.of(sql.list("""
                        select id, kind, amount, balance_after, order_id, payment_method, reference, note, actor, created_at
                        from client_ledger
                        where client_id = :id and (:start::timestamptz is null or created_at >= :start)
                          and (:end::timestamptz is null or created_at < :end)
                        order by id""" + Sql.PAGE, // the ledger's own sequence: the order entries were booked (and balanced) in
                params.page(page, perPage),
                r -> new Entry(r.getLong("id"), LedgerEntryKind.valueOf(r.getString("kind")), r.getBigDecimal("amount"),
                        r.getBigDecimal("balance_after"), r.getString("order_id"), paymentMethod(r.getString("payment_method")),
                        r.getString("reference"), r.getString("note"), r.getString("actor"), r.getInstant("created_at"))),
                page, perPage);
        return new Statement(id, from, to, balances.opening(), balances.closing(), entries);
    }

    private static PaymentMethod paymentMethod(String name) {
        return name == null ? null : PaymentMethod.valueOf(name);
    }
}
