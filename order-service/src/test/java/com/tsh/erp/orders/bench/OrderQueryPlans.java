package com.tsh.erp.orders.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The plans of order-service's reading statements on the 10x data, as {@code EXPLAIN (ANALYZE,
 * BUFFERS, TIMING OFF)}, and each one's time: each statement as OrderQueries, OrderStats,
 * Commissions and OrderSaga's sweep write it (the SQL is repeated here, with the values bound as
 * the service binds them), run once to warm the cache, then 11 times timed, then explained.
 * OrderBenchmark writes them into BENCHMARKS.md.
 */
public final class OrderQueryPlans {

    static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    static final String LIST_COLUMNS = "id, number, client_id, client_name, client_name_ar, channel, salesperson_id, status, line_count, "
            + "total, currency, placed_at";
    static final String DETAIL_COLUMNS = "id, number, client_id, client_name, client_name_ar, channel, salesperson_id, status, "
            + "rejection::text as rejection, subtotal, discount_percent, discount, total, currency, note, commission_rate, placed_at, "
            + "confirmed_at, delivered_at, closed_at, placed_by, version";
    static final String FIGURES = "count(*) as orders, count(*) filter (where status in ('CONFIRMED', 'DELIVERED')) as sold_orders, "
            + "coalesce(sum(total_quantity) filter (where status in ('CONFIRMED', 'DELIVERED')), 0) as quantity, "
            + "coalesce(sum(total) filter (where status in ('CONFIRMED', 'DELIVERED')), 0) as revenue";
    static final String RANGE = " from sales_order where placed_at >= ? and placed_at < ?";

    private OrderQueryPlans() {
    }

    /** A statement, what it serves, and its values. */
    public record Query(String label, String sql, List<Object> values) {
    }

    /** One statement's plan: the whole text, its scan lines, and the median time of 11 runs (JDBC round trip included). */
    public record Plan(Query query, String text, List<String> keyLines, double milliseconds) {
    }

    /** The statements worth looking at, with values from the loaded data. */
    public static List<Query> queries(DataSource dataSource, LocalDate month) throws SQLException {
        List<Query> q = new ArrayList<>();
        long busyClient;
        long someClient;
        long busySalesperson;
        UUID order;
        String number;
        Instant cursorAt;
        UUID cursorId;
        try (Connection c = dataSource.getConnection()) {
            busyClient = one(c, "select client_id from sales_order group by 1 order by count(*) desc limit 1");
            someClient = one(c, "select client_id from sales_order group by 1 order by count(*) limit 1 offset 2500");
            busySalesperson = one(c, "select salesperson_id from sales_order where salesperson_id is not null group by 1 "
                    + "order by count(*) desc limit 1");
            try (PreparedStatement ps = c.prepareStatement("select id, number from sales_order where status = 'DELIVERED' "
                    + "order by placed_at desc offset 20000 limit 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                order = (UUID) rs.getObject(1);
                number = rs.getString(2);
            }
            try (PreparedStatement ps = c.prepareStatement("select placed_at, id from sales_order order by placed_at desc, id desc "
                    + "offset 20000 limit 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                cursorAt = rs.getTimestamp(1).toInstant();
                cursorId = (UUID) rs.getObject(2);
            }
        }
        OffsetDateTime from = at(month.withDayOfMonth(1));
        OffsetDateTime to = at(month.withDayOfMonth(1).plusMonths(1));
        String order_ = " order by placed_at desc, id desc limit ? offset ?";
        q.add(new Query("list, page 1 (`GET /orders`)", "select " + LIST_COLUMNS + " from sales_order" + order_, List.of(26, 0L)));
        q.add(new Query("list, page 10", "select " + LIST_COLUMNS + " from sales_order" + order_, List.of(26, 225L)));
        q.add(new Query("list, page 100 by offset (deep paging; the `after` cursor is for this)",
                "select " + LIST_COLUMNS + " from sales_order" + order_, List.of(26, 2475L)));
        q.add(new Query("list after a cursor 20,000 orders deep (`after=`)", "select " + LIST_COLUMNS + " from sales_order "
                + "where (placed_at, id) < (?, ?) order by placed_at desc, id desc limit ?", List.of(OffsetDateTime.ofInstant(cursorAt, ZoneOffset.UTC), cursorId, 26)));
        q.add(new Query("client's orders, the busiest client (`client_id=`)", "select " + LIST_COLUMNS + " from sales_order where client_id = ?"
                + order_, List.of(busyClient, 26, 0L)));
        q.add(new Query("client's orders, a median client", "select " + LIST_COLUMNS + " from sales_order where client_id = ?" + order_,
                List.of(someClient, 26, 0L)));
        q.add(new Query("salesperson's orders, the busiest (`salesperson_id=`)", "select " + LIST_COLUMNS + " from sales_order "
                + "where salesperson_id = ?" + order_, List.of(busySalesperson, 26, 0L)));
        q.add(new Query("status and client (`status=CONFIRMED&client_id=`)", "select " + LIST_COLUMNS + " from sales_order "
                + "where status = ? and client_id = ?" + order_, List.of("CONFIRMED", busyClient, 26, 0L)));
        q.add(new Query("channel and a month (`channel=RETAIL&from=&to=`)", "select " + LIST_COLUMNS + " from sales_order "
                + "where channel = ? and placed_at >= ? and placed_at < ?" + order_, List.of("RETAIL", from, to, 26, 0L)));
        q.add(new Query("number prefix (`q=SO-2026-0012`)", "select " + LIST_COLUMNS + " from sales_order where number like ?" + order_,
                List.of(number.substring(0, 12) + "%", 26, 0L)));
        q.add(new Query("detail: the order (`GET /orders/{id}`)", "select " + DETAIL_COLUMNS + " from sales_order where id = ?",
                List.of(order)));
        q.add(new Query("detail: its lines", "select line_no, product_id, sku, name, name_ar, quantity, unit_price, line_total "
                + "from sales_order_line where order_id = ? order by line_no", List.of(order)));
        q.add(new Query("detail: its history", "select from_status, to_status, actor, reason, at from sales_order_transition "
                + "where order_id = ? order by id", List.of(order)));
        q.add(new Query("by number (`GET /orders/by-number/{number}`)", "select id from sales_order where number = ?", List.of(number)));
        q.add(new Query("stats for a month: totals", "select 'all' as key, " + FIGURES + RANGE, List.of(from, to)));
        q.add(new Query("stats for a month: by day (`group_by=day`)", "select to_char(g::timestamp, 'YYYY-MM-DD') as key, orders, "
                + "sold_orders, quantity, revenue from (select (placed_at at time zone 'Asia/Baghdad')::date as g, " + FIGURES + RANGE
                + " group by 1) groups order by 1 limit ? offset ?", List.of(from, to, 101, 0L)));
        q.add(new Query("stats for a month: by day, as the first version wrote it (each row's day formatted, then sorted)",
                "select to_char(placed_at at time zone 'Asia/Baghdad', 'YYYY-MM-DD') as key, " + FIGURES + RANGE
                        + " group by 1 order by 1 limit ? offset ?", List.of(from, to, 101, 0L)));
        q.add(new Query("stats for a month: by salesperson (`group_by=salesperson`)", "select coalesce(g::text, 'none') as key, orders, "
                + "sold_orders, quantity, revenue from (select salesperson_id as g, " + FIGURES + RANGE + " group by 1) groups "
                + "order by 1 limit ? offset ?", List.of(from, to, 101, 0L)));
        String commission = " from sales_order where salesperson_id = ? and status = 'DELIVERED' and delivered_at >= ? and delivered_at < ?";
        q.add(new Query("commission for a month: sums (`GET /salespeople/{id}/commission`)", "select count(*) as n, coalesce(sum(total), 0) "
                + "as total, coalesce(sum(round(total * commission_rate / 100, 2)), 0) as commission" + commission,
                List.of(busySalesperson, from, to)));
        q.add(new Query("commission for a month: the page of orders", "select id, number, client_id, client_name, delivered_at, total, "
                + "commission_rate, round(total * commission_rate / 100, 2) as commission" + commission
                + " order by delivered_at desc, id desc limit ? offset ?", List.of(busySalesperson, from, to, 26, 0L)));
        q.add(new Query("timeout sweep (every 5 s)", "select id from sales_order where status = 'PENDING' and placed_at < ? "
                + "order by placed_at limit ? for update skip locked", List.of(OffsetDateTime.ofInstant(Instant.now().minusSeconds(30), ZoneOffset.UTC), 100)));
        return q;
    }

    /** Runs each statement once, then explains it. */
    public static List<Plan> explain(DataSource dataSource, List<Query> queries) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the sweep's FOR UPDATE: rolled back below
            for (Query q : queries) {
                run(c, q.sql(), q.values(), false);
                double[] times = new double[11];
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    run(c, q.sql(), q.values(), false);
                    times[i] = (System.nanoTime() - t0) / 1e6;
                }
                java.util.Arrays.sort(times);
                double ms = times[times.length / 2];
                // per-node timing off: on this VM reading the clock for every row costs more than the rows (a month's
                // aggregate read 22 ms with it, 3 ms without)
                List<String> lines = run(c, "explain (analyze, buffers, costs off, timing off) " + q.sql(), q.values(), true);
                List<String> key = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                boolean planning = false;
                for (String l : lines) {
                    if (l.startsWith("Planning")) {
                        planning = l.startsWith("Planning:"); // its buffers follow, indented
                        continue;
                    }
                    if (planning && l.startsWith("  ")) {
                        continue;
                    }
                    planning = false;
                    shown.add(l);
                    String t = l.trim().replaceFirst("^->\\s+", "");
                    if (t.contains(" Scan ") || t.startsWith("Sort Method") || t.contains("Aggregate") || t.startsWith("Heap Fetches")
                            || t.startsWith("Rows Removed")) {
                        key.add(t.replaceAll(" \\(actual rows=(\\d+) loops=\\d+\\)", ", $1 rows"));
                    }
                }
                plans.add(new Plan(q, String.join("\n", shown), key, ms));
            }
            c.rollback();
        }
        return plans;
    }

    /** The plans as Markdown: a table of key lines and times, and each whole plan folded. */
    public static String markdown(List<Plan> plans) {
        StringBuilder b = new StringBuilder("| statement | plan's key lines | time (median of 11) |\n|---|---|---|\n");
        for (Plan p : plans) {
            b.append("| ").append(p.query().label()).append(" | ").append(String.join("<br>", p.keyLines().stream()
                    .map(l -> "`" + l.replace("|", "\\|") + "`").toList())).append(" | ")
                    .append(String.format("%.2f ms", p.milliseconds())).append(" |\n");
        }
        b.append('\n');
        for (Plan p : plans) {
            b.append("<details><summary>").append(p.query().label().replace("`", "")).append("</summary>\n\n```\n")
                    .append(p.query().sql()).append("\n\n").append(p.text()).append("\n```\n</details>\n\n");
        }
        return b.toString();
    }

    private static List<String> run(Connection c, String sql, List<Object> values, boolean collect) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (collect) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static OffsetDateTime at(LocalDate day) {
        return OffsetDateTime.ofInstant(day.atStartOfDay(BAGHDAD).toInstant(), ZoneOffset.UTC);
    }
}
