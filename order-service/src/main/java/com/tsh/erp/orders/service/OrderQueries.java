package com.tsh.erp.orders.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading orders. The list is one query over list columns only (the client's name and the line
 * count are the order's own columns), newest first, paged by offset or by a keyset cursor; a detail
 * is three queries whatever its size (the order, its lines, its history).
 */
@ApplicationScoped
public class OrderQueries {

    private static final String DETAIL_COLUMNS = """
            id, number, client_id, client_name, client_name_ar, channel, salesperson_id, status, rejection::text as rejection,
            subtotal, discount_percent, discount, total, currency, note, commission_rate, placed_at, confirmed_at, delivered_at,
            closed_at, placed_by, version""";
    private static final String LIST_COLUMNS = """
            id, number, client_id, client_name, client_name_ar, channel, salesperson_id, status, line_count, total, currency,
            placed_at""";
    private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,19})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    /** The list's filters; any may be null. {@code from}/{@code to} are Baghdad days, inclusive. */
    public record Filter(OrderStatus status, Long clientId, Long salespersonId, String channel, LocalDate from, LocalDate to,
                         String numberPrefix) {
    }

    /** Where a keyset page starts: after the row placed at {@code placedAt} with {@code id}. */
    public record Cursor(Instant placedAt, UUID id) {

        public String encode() {
            long micros = placedAt.getEpochSecond() * 1_000_000 + placedAt.getNano() / 1_000;
            return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "_" + id).getBytes(StandardCharsets.US_ASCII));
        }

        /** The cursor a previous page gave, or a 400 naming {@code after}. */
        public static Cursor decode(String text) {
            try {
                Matcher m = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII));
                if (m.matches()) {
                    long micros = Long.parseLong(m.group(1));
                    return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                            UUID.fromString(m.group(2)));
                }
            } catch (IllegalArgumentException e) {
                // not base64, or out of range: the same answer as any other text that is not a cursor
            }
            throw ApiException.badRequest("after", "not a cursor this service gave (use next_after of the previous page)");
        }
    }

    public OrderViews.SummaryPage list(Filter f, Cursor after, int page, int perPage) {
        Sql.Where where = Sql.Where.none()
                .andIfPresent("status = :status", "status", f.status())
                .andIfPresent("client_id = :clientId", "clientId", f.clientId())
                .andIfPresent("salesperson_id = :salespersonId", "salespersonId", f.salespersonId())
                .andIfPresent("channel = :channel", "channel", f.channel())
                .andIfPresent("placed_at >= :fromAt", "fromAt", f.from() == null ? null : startOf(f.from()))
                .andIfPresent("placed_at < :toAt", "toAt", f.to() == null ? null : startOf(f.to().plusDays(1)))
                .andIfPresent("number like :prefix", "prefix", f.numberPrefix() == null ? null : likePrefix(f.numberPrefix()));
        Params params = where.params();
        String paging;
        if (after != null) {
            where.and("(placed_at, id) < (:afterAt, :afterId)");
            params.and("afterAt", after.placedAt()).and("afterId", after.id()).and("limit", perPage + 1);
            paging = " limit :limit";
        } else {
            params.page(page, perPage);
            paging = Sql.PAGE;
        }
        List<OrderViews.Summary> rows = sql.list("select " + LIST_COLUMNS + " from sales_order" + where
                + " order by placed_at desc, id desc" + paging, params, OrderQueries::summary);
        Page<OrderViews.Summary> p = Page.of(rows, page, perPage);
        String next = null;
        if (p.hasMore()) {
            OrderViews.Summary last = p.items().get(p.items().size() - 1);
            next = new Cursor(last.placedAt(), last.id()).encode();
        }
        return new OrderViews.SummaryPage(p.items(), page, perPage, p.hasMore(), next);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(OrderPlacement.BAGHDAD).toInstant();
    }

    /** An order number's beginning as a LIKE prefix: upper case, LIKE's own characters escaped. */
    private static String likePrefix(String prefix) {
        return prefix.strip().toUpperCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public OrderViews.Detail detail(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Order", id));
    }

    public OrderViews.Detail byNumber(String number) {
        UUID id = sql.one("select id from sales_order where number = :number",
                        Params.of("number", number.strip().toUpperCase(java.util.Locale.ROOT)), r -> UUID.fromString(r.getString("id")))
                .orElseThrow(() -> ApiException.notFound("Order", number));
        return detail(id);
    }

    /** The order, its lines and its history: three queries, whatever the order's size. */
    public Optional<OrderViews.Detail> find(UUID id) {
        Params byId = Params.of("id", id);
        Optional<OrderViews.Detail> order = sql.one("select " + DETAIL_COLUMNS + " from sales_order where id = :id", byId,
                r -> new OrderViews.Detail(UUID.fromString(r.getString("id")), r.getString("number"), r.getLong("client_id"),
                        r.getString("client_name"), r.getString("client_name_ar"), r.getString("channel"), r.getLongOrNull("salesperson_id"),
                        OrderStatus.valueOf(r.getString("status")), rejection(r.getString("rejection")), List.of(), r.getBigDecimal("subtotal"),
                        r.getBigDecimal("discount_percent"), r.getBigDecimal("discount"), r.getBigDecimal("total"), r.getString("currency"),
                        r.getString("note"), r.getBigDecimal("commission_rate"), r.getInstant("placed_at"), r.getInstant("confirmed_at"),
                        r.getInstant("delivered_at"), r.getInstant("closed_at"), r.getString("placed_by"), r.getLong("version"), List.of()));
        if (order.isEmpty()) {
            return order;
        }
        List<OrderViews.Line> lines = sql.list("""
                select line_no, product_id, sku, name, name_ar, quantity, unit_price, line_total from sales_order_line
                where order_id = :id order by line_no""", byId, r -> new OrderViews.Line(r.getInt("line_no"), r.getLong("product_id"),
                r.getString("sku"), r.getString("name"), r.getString("name_ar"), r.getInt("quantity"), r.getBigDecimal("unit_price"),
                r.getBigDecimal("line_total")));
        List<OrderViews.Transition> history = sql.list("""
                select from_status, to_status, actor, reason, at from sales_order_transition where order_id = :id order by id""",
                byId, r -> new OrderViews.Transition(status(r.getString("from_status")), OrderStatus.valueOf(r.getString("to_status")),
                        r.getString("actor"), r.getString("reason"), r.getInstant("at")));
        OrderViews.Detail d = order.get();
        return Optional.of(new OrderViews.Detail(d.id(), d.number(), d.clientId(), d.clientName(), d.clientNameAr(), d.channel(),
                d.salespersonId(), d.status(), d.rejection(), lines, d.subtotal(), d.discountPercent(), d.discount(), d.total(),
                d.currency(), d.note(), d.commissionRate(), d.placedAt(), d.confirmedAt(), d.deliveredAt(), d.closedAt(), d.placedBy(),
                d.version(), history));
    }

    private static OrderStatus status(String s) {
        return s == null ? null : OrderStatus.valueOf(s);
    }

    private Rejection rejection(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Rejection.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable rejection " + text + ": " + e.getMessage(), e);
        }
    }

    static OrderViews.Summary summary(Row r) throws SQLException {
        return new OrderViews.Summary(UUID.fromString(r.getString("id")), r.getString("number"), r.getLong("client_id"),
                r.getString("client_name"), r.getString("client_name_ar"), r.getString("channel"), r.getLongOrNull("salesperson_id"),
                OrderStatus.valueOf(r.getString("status")), r.getInt("line_count"), r.getBigDecimal("total"), r.getString("currency"),
                r.getInstant("placed_at"));
    }
}
