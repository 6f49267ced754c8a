package com.tsh.erp.catalog.service;

import com.tsh.erp.defaults.Batch;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.Where;
import com.tsh.erp.defaults.Sql.Row;
import com.tsh.erp.text.SearchQuery;
import com.tsh.erp.text.TextSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;

/** Product lists, searches and the gateway's batch read, with the search page cache. */
@ApplicationScoped
public class ProductSearch {

    /** The one search pattern (libs/text) over the products' stored text, their SKUs and the word table. */
    private static final TextSearch SEARCH = new TextSearch("p.search_text", "lower(p.sku)", "search_word");
    private static final String LIST_FIELDS = """
            select p.id, p.sku, p.name, p.name_ar, p.category_id, p.unit, p.retail_price, p.wholesale_price,
                   p.available, p.active, p.image_urls[1] as image_url
            from product p""";

    @Inject
    Sql sql;
    @Inject
    ProductListCache listCache;
    @Inject
    CategoryService categories;
    @Inject
    StockLedger ledger;

    /**
     * A page of products. With {@code q}, every word of it must match, in any order, and the
     * matches come in the tiers of {@link TextSearch} (exact SKU, SKU prefix, whole words, word
     * starts, inside words, and similar words only when those found less than a page), each tier
     * in the chosen order ({@code relevance}, the default with {@code q}, is by name within a tier).
     * Search pages are cached; stock figures are always read live.
     */
    public Page<ProductSummary> list(ProductQuery q) {
        SearchQuery search = q.q() == null || q.q().isBlank() ? null : SearchQuery.parse(q.q());
        if (q.inStock() != null || search == null) {
            // membership by stock is never cached; a plain page is cheaper to read from its index than from Redis
            return query(q, search, SEARCH, null);
        }
        Optional<String> key = listCache.key(cacheKey(q, search));
        Optional<Page<ProductSummary>> cached = key.flatMap(listCache::get);
        if (cached.isPresent()) {
            return withLiveStock(cached.get());
        }
        Page<ProductSummary> page = query(q, search, SEARCH, null);
        key.ifPresent(k -> listCache.put(k, page));
        return page;
    }

    /** A statement a search ran, and its plan. */
    public record Plan(String statement, String plan) {
    }

    /**
     * Every statement a search for {@code q} runs, with its plan (EXPLAIN ANALYZE, without costs or
     * timings); the search itself is not cached. For the plan checks and BENCHMARKS.md: every
     * statement must be answered from an index.
     */
    public List<Plan> explain(ProductQuery q) {
        List<Plan> plans = new ArrayList<>();
        query(q, q.q() == null || q.q().isBlank() ? null : SearchQuery.parse(q.q()), SEARCH, plans);
        return plans;
    }

    /**
     * The search under another analysis and similarity threshold, uncached: for measuring one
     * choice against another on the labelled evaluation (the stored text must be in the same
     * analysis). The service itself always searches with libs/text's defaults.
     */
    public Page<ProductSummary> measure(ProductQuery q, SearchQuery.Analysis analysis, double similarity) {
        return query(q, SearchQuery.parse(q.q(), analysis), new TextSearch("p.search_text", "lower(p.sku)", "search_word", similarity), null);
    }

    private static String cacheKey(ProductQuery q, SearchQuery search) {
        return String.join("|", search.key(), String.valueOf(q.categoryId()),
                String.valueOf(q.active() == null || q.active()), String.valueOf(q.minPrice()), String.valueOf(q.maxPrice()),
                String.valueOf(relevance(q) ? "relevance" : q.sort()), String.valueOf(q.page()), String.valueOf(q.perPage()));
    }

    private static boolean relevance(ProductQuery q) {
        return q.sort() == null || "relevance".equals(q.sort());
    }

    /** The page with each product's available stock read now (stock is never served from a cache). */
    private Page<ProductSummary> withLiveStock(Page<ProductSummary> page) {
        if (page.items().isEmpty()) {
            return page;
        }
        Map<Long, Integer> available = ledger.available(page.items().stream().map(ProductSummary::id).toList());
        List<ProductSummary> items = page.items().stream()
                .map(p -> p.withAvailable(available.getOrDefault(p.id(), p.available()))).toList();
        return new Page<>(items, page.page(), page.perPage(), page.hasMore());
    }

    private Page<ProductSummary> query(ProductQuery q, SearchQuery search, TextSearch textSearch, List<Plan> plans) {
        Where filters = Where.of("p.active = :active", "active", q.active() == null || q.active());
        if (q.categoryId() != null) {
            Set<Long> ids = categories.withDescendants(q.categoryId());
            if (ids.isEmpty()) {
                return Page.of(List.of(), q.page(), q.perPage());
            }
            filters.and("p.category_id = any(:categoryIds)", "categoryIds", ids);
        }
        if (q.inStock() != null) {
            filters.and(q.inStock() ? "p.available > 0" : "p.available <= 0");
        }
        filters.andIfPresent("p.retail_price >= :minPrice", "minPrice", q.minPrice())
                .andIfPresent("p.retail_price <= :maxPrice", "maxPrice", q.maxPrice());
        String order = switch (q.sort() == null ? "name" : q.sort()) {
            case "newest" -> "p.created_at desc, p.id desc";
            case "price" -> "p.retail_price asc, p.id asc";
            case "-price" -> "p.retail_price desc, p.id desc";
            default -> "p.name asc, p.id asc"; // name, and relevance within a tier
        };
        if (search == null) {
            String statement = LIST_FIELDS + filters + " order by " + order + Sql.PAGE;
            Params params = filters.params().page(q.page(), q.perPage());
            explain(plans, statement, params);
            return Page.of(sql.list(statement, params, ProductSearch::summary), q.page(), q.perPage());
        }
        if (search.isEmpty()) {
            return Page.of(List.of(), q.page(), q.perPage()); // nothing but punctuation: nothing matches
        }
        return Page.of(textSearch.page(search, relevance(q), q.page(), q.perPage(), new Rows(filters, order, plans)),
                q.page(), q.perPage());
    }

    /** Runs the search's statements with the list's filters and order. */
    private final class Rows implements TextSearch.Runner<ProductSummary> {
        private final Where filters;
        private final String order;
        private final List<Plan> plans;

        Rows(Where filters, String order, List<Plan> plans) {
            this.filters = filters;
            this.order = order;
            this.plans = plans;
        }

        @Override
        public List<ProductSummary> rows(String condition, String orderFirst, Map<String, Object> values, int limit, long offset) {
            String statement = LIST_FIELDS + filters + " and " + condition + " order by "
                    + (orderFirst == null ? "" : orderFirst + ", ") + order + " limit :sq_limit offset :sq_offset";
            Params params = params(values).and("sq_limit", limit).and("sq_offset", offset);
            explain(plans, statement, params);
            return sql.list(statement, params, ProductSearch::summary);
        }

        @Override
        public long count(String condition, Map<String, Object> values, long upTo) {
            String statement = "select count(*) as n from (select 1 from product p" + filters + " and " + condition
                    + " limit :sq_limit) x";
            Params params = params(values).and("sq_limit", upTo);
            explain(plans, statement, params);
            return sql.one(statement, params, r -> r.getLong("n")).orElse(0L);
        }

        @Override
        public List<TextSearch.Correction> corrections(String statement, Map<String, Object> values) {
            Params params = params(values);
            explain(plans, statement, params);
            return sql.list(statement, params, r -> new TextSearch.Correction(r.getInt("i"), r.getString("word")));
        }

        private Params params(Map<String, Object> values) {
            Params params = filters.params();
            values.forEach(params::and);
            return params;
        }
    }

    private void explain(List<Plan> plans, String statement, Params params) {
        if (plans != null) {
            plans.add(new Plan(statement, String.join("\n",
                    sql.list("explain (analyze, costs off, timing off, summary off) " + statement, params, r -> r.getString("QUERY PLAN")))));
        }
    }

    /** For the gateway: the products with these ids, in the order asked, and the ids that do not exist. */
    public Batch<ProductSummary> byIds(List<Long> ids) {
        List<ProductSummary> found = ids.isEmpty() ? List.of()
                : sql.list(LIST_FIELDS + " where p.id = any(:ids)", Params.of("ids", ids), ProductSearch::summary);
        return Batch.of(ids, found, ProductSummary::id);
    }

    private static ProductSummary summary(Row r) throws SQLException {
        return new ProductSummary(r.getLong("id"), r.getString("sku"), r.getString("name"), r.getString("name_ar"),
                r.getLongOrNull("category_id"), r.getString("unit"), r.getBigDecimal("retail_price"),
                r.getBigDecimal("wholesale_price"), r.getInt("available"), r.getBoolean("active"), r.getString("image_url"));
    }
}
