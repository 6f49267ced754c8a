package com.tsh.erp.orders.service;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A salesperson's commission for a period: the orders delivered in it (by delivery time, Baghdad
 * days), each order's total times the salesperson's rate recorded at its delivery, rounded half-up
 * to 2 places per order; the commission is the sum of those, so the orders listed add up to it.
 */
@ApplicationScoped
public class Commissions {

    @Inject
    Sql sql;

    public record CommissionOrder(UUID id, String number, long clientId, String clientName, Instant deliveredAt, BigDecimal total,
                                  @Schema(description = "Percent, as recorded at delivery") BigDecimal commissionRate,
                                  BigDecimal commission) {
    }

    @Schema(description = "Totals over the whole period; `items` is one page of the orders counted, newest delivery first")
    public record Commission(long salespersonId, @Schema(implementation = String.class, format = "date") LocalDate from,
                             @Schema(implementation = String.class, format = "date") LocalDate to, long deliveredOrders,
                             BigDecimal deliveredTotal, BigDecimal commission, List<CommissionOrder> items, int page, int perPage,
                             boolean hasMore) {
    }

    private static final String COMMISSION = "round(total * commission_rate / 100, 2)";

    public Commission of(long salespersonId, LocalDate from, LocalDate to, int page, int perPage) {
        if (sql.one("select 1 as x from salesperson_view where id = :id", Params.of("id", salespersonId), r -> r.getInt("x")).isEmpty()) {
            throw ApiException.notFound("Salesperson", salespersonId);
        }
        Params p = Params.of("id", salespersonId).and("fromAt", OrderQueries.startOf(from)).and("toAt", OrderQueries.startOf(to.plusDays(1)));
        String range = " from sales_order where salesperson_id = :id and status = 'DELIVERED' and delivered_at >= :fromAt and delivered_at < :toAt";
        Commission sums = sql.one("select count(*) as n, coalesce(sum(total), 0) as total, coalesce(sum(" + COMMISSION + "), 0) as commission"
                + range, p, r -> new Commission(salespersonId, from, to, r.getLong("n"), r.getBigDecimal("total").setScale(2),
                r.getBigDecimal("commission").setScale(2), List.of(), page, perPage, false)).orElseThrow();
        List<CommissionOrder> rows = sql.list("select id, number, client_id, client_name, delivered_at, total, commission_rate, "
                        + COMMISSION + " as commission" + range + " order by delivered_at desc, id desc" + Sql.PAGE, p.page(page, perPage),
                r -> new CommissionOrder(UUID.fromString(r.getString("id")), r.getString("number"), r.getLong("client_id"),
                        r.getString("client_name"), r.getInstant("delivered_at"), r.getBigDecimal("total"), r.getBigDecimal("commission_rate"),
                        r.getBigDecimal("commission").setScale(2)));
        Page<CommissionOrder> pageOf = Page.of(rows, page, perPage);
        return new Commission(salespersonId, from, to, sums.deliveredOrders(), sums.deliveredTotal(), sums.commission(), pageOf.items(),
                page, perPage, pageOf.hasMore());
    }
}
