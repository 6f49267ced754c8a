package com.tsh.erp.orders.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.orders.config.OrdersConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Order statistics for a period, grouped by day, status, salesperson or channel: computed in SQL
 * (one aggregate over the period's index range, never orders loaded into memory) and kept in Redis
 * for {@code tsh.orders.stats-cache-ttl} (60 s), shared by every replica. Redis unreachable: the
 * database answers. Figures: {@code orders} counts every order placed in the period;
 * {@code sold_orders}, {@code quantity} and {@code revenue} count only the orders that stand
 * (CONFIRMED or DELIVERED), revenue being their totals after discount.
 */
@ApplicationScoped
public class OrderStats {

    private static final Logger LOG = Logger.getLogger(OrderStats.class);

    /**
     * What to group by: the SQL of the group (a cheap value to hash rows by) and of its key as shown
     * (made from the group, {@code g}, once per group, not once per row: formatting every row's day
     * and sorting the texts took two thirds of a month's statistics, BENCHMARKS.md).
     */
    public enum GroupBy {
        DAY("(placed_at at time zone 'Asia/Baghdad')::date", "to_char(g::timestamp, 'YYYY-MM-DD')"),
        STATUS("status", "g"),
        SALESPERSON("salesperson_id", "coalesce(g::text, 'none')"),
        CHANNEL("channel", "g");

        final String group;
        final String key;

        GroupBy(String group, String key) {
            this.group = group;
            this.key = key;
        }
    }

    @Schema(description = "One group's figures")
    public record Group(@Schema(description = "The day (YYYY-MM-DD), status, salesperson id ('none' for orders without one) or channel")
                        String key, long orders, long soldOrders, long quantity, BigDecimal revenue) {
    }

    @Schema(description = "Figures for a period (Baghdad days, inclusive); groups by key, a page of them")
    public record Stats(@Schema(implementation = String.class, format = "date") LocalDate from,
                        @Schema(implementation = String.class, format = "date") LocalDate to,
                        @Schema(enumeration = {"day", "status", "salesperson", "channel"}) String groupBy,
                        Group totals, List<Group> groups, int page, int perPage, boolean hasMore) {
    }

    @Inject
    Sql sql;
    @Inject
    RedisDataSource redis;
    @Inject
    ObjectMapper json;
    @Inject
    OrdersConfig config;

    private ValueCommands<String, String> values;

    @PostConstruct
    void init() {
        values = redis.value(String.class);
    }

    public Stats stats(LocalDate from, LocalDate to, GroupBy groupBy, int page, int perPage) {
        String key = config.cachePrefix() + ":stats:" + from + ":" + to + ":" + groupBy + ":" + page + ":" + perPage;
        if (config.statsCacheTtl().isZero()) {
            return compute(from, to, groupBy, page, perPage); // the cache is off: no GET, no SET PX 0 that Redis refuses
        }
        Optional<Stats> cached = cached(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Stats stats = compute(from, to, groupBy, page, perPage);
        store(key, stats);
        return stats;
    }

    private Stats compute(LocalDate from, LocalDate to, GroupBy groupBy, int page, int perPage) {
        Params period = Params.of("fromAt", OrderQueries.startOf(from)).and("toAt", OrderQueries.startOf(to.plusDays(1)));
        String figures = """
                count(*) as orders,
                count(*) filter (where status in ('CONFIRMED', 'DELIVERED')) as sold_orders,
                coalesce(sum(total_quantity) filter (where status in ('CONFIRMED', 'DELIVERED')), 0) as quantity,
                coalesce(sum(total) filter (where status in ('CONFIRMED', 'DELIVERED')), 0) as revenue""";
        String range = " from sales_order where placed_at >= :fromAt and placed_at < :toAt";
        Group totals = sql.one("select 'all' as key, " + figures + range, period, OrderStats::group).orElseThrow();
        List<Group> rows = sql.list("select " + groupBy.key + " as key, orders, sold_orders, quantity, revenue from (select "
                + groupBy.group + " as g, " + figures + range + " group by 1) groups order by 1" + Sql.PAGE, period.page(page, perPage),
                OrderStats::group);
        Page<Group> p = Page.of(rows, page, perPage);
        return new Stats(from, to, groupBy.name().toLowerCase(java.util.Locale.ROOT), totals, p.items(), page, perPage, p.hasMore());
    }

    private static Group group(Sql.Row r) throws java.sql.SQLException {
        return new Group(r.getString("key"), r.getLong("orders"), r.getLong("sold_orders"), r.getLong("quantity"),
                r.getBigDecimal("revenue").setScale(2));
    }

    private Optional<Stats> cached(String key) {
        try {
            String text = values.get(key);
            return text == null ? Optional.empty() : Optional.of(json.readValue(text, Stats.class));
        } catch (Exception e) {
            LOG.debugf("stats cache unavailable, using the database: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private void store(String key, Stats stats) {
        try {
            values.set(key, json.writeValueAsString(stats), new SetArgs().px(config.statsCacheTtl()));
        } catch (Exception e) {
            LOG.debugf("stats not cached: %s", e.getMessage());
        }
    }
}
