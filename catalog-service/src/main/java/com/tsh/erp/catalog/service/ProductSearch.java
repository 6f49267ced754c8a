package com.tsh.erp.catalog.service;

import com.tsh.erp.defaults.Batch;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.Where;
import com.tsh.erp.defaults.Sql.Row;
import com.tsh.erp.text.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;
import java.util.regex.Pattern;

/** Product lists, searches and the gateway's batch read, with the search page cache. */
@ApplicationScoped
public class ProductSearch {

    /** A query that could be the start of a SKU: one word of SKU characters. */
    private static final Pattern SKU_FRAGMENT = Pattern.compile("[a-z0-9._/\\\\-]+");
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
     * A page of products. With {@code q}, products whose SKU starts with the query come first
     * (the exact SKU before the others, then by SKU), then the other matches in the chosen order.
     * The two parts are two queries, so that each can use its own index (the SKU index's range for
     * the first, the name/price/date index with the trigram filter, or the trigram index, as the
     * planner finds cheaper, for the second) instead of sorting every match of a common word.
     */
    public Page<ProductSummary> list(ProductQuery q) {
        if (q.inStock() != null || q.q() == null || q.q().isBlank()) {
            // membership by stock is never cached; a plain page is cheaper to read from its index than from Redis
            return query(q);
        }
        Optional<String> key = listCache.key(cacheKey(q));
        Optional<Page<ProductSummary>> cached = key.flatMap(listCache::get);
        if (cached.isPresent()) {
            return withLiveStock(cached.get());
        }
        Page<ProductSummary> page = query(q);
        key.ifPresent(k -> listCache.put(k, page));
        return page;
    }

    private static String cacheKey(ProductQuery q) {
        return String.join("|", q.q() == null ? "" : SearchText.normalize(q.q()), String.valueOf(q.categoryId()),
                String.valueOf(q.active() == null || q.active()), String.valueOf(q.minPrice()), String.valueOf(q.maxPrice()),
                String.valueOf(q.sort()), String.valueOf(q.page()), String.valueOf(q.perPage()));
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

    private Page<ProductSummary> query(ProductQuery q) {
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
        Params params = filters.params();
        String order = switch (q.sort() == null ? "name" : q.sort()) {
            case "newest" -> " order by p.created_at desc, p.id desc";
            case "price" -> " order by p.retail_price asc, p.id asc";
            case "-price" -> " order by p.retail_price desc, p.id desc";
            default -> " order by p.name asc, p.id asc";
        };
        long offset = (long) (q.page() - 1) * q.perPage();
        int wanted = q.perPage() + 1; // one more than a page tells whether another follows
        String pattern = q.q() == null ? "" : SearchText.likePattern(q.q());
        if (pattern.isEmpty()) {
            return Page.of(sql.list(LIST_FIELDS + filters + order + Sql.PAGE, params.page(q.page(), q.perPage()),
                    ProductSearch::summary), q.page(), q.perPage());
        }

        List<ProductSummary> rows = new ArrayList<>();
        long skuMatches = 0;
        boolean skuLike = SKU_FRAGMENT.matcher(pattern).matches();
        params.and("skuPrefix", pattern + "%");
        if (skuLike) {
            List<ProductSummary> bySku = sql.list(LIST_FIELDS + filters + " and lower(p.sku) like :skuPrefix escape '\\'"
                            + " order by lower(p.sku) = :sku desc, lower(p.sku), p.id limit :limit",
                    params.and("sku", SearchText.normalize(q.q())).and("limit", offset + wanted), ProductSearch::summary);
            skuMatches = bySku.size();
            if (offset < skuMatches) {
                rows.addAll(bySku.subList((int) offset, bySku.size()));
            }
        }
        if (rows.size() < wanted) {
            StringBuilder query = new StringBuilder(LIST_FIELDS).append(filters).append(" and p.search_text like :contains escape '\\'");
            if (skuLike) {
                query.append(" and lower(p.sku) not like :skuPrefix escape '\\'");
            }
            rows.addAll(sql.list(query + order + " limit :limit offset :offset",
                    params.and("contains", "%" + pattern + "%").and("limit", wanted - rows.size())
                            .and("offset", Math.max(0, offset - skuMatches)), ProductSearch::summary));
        }
        return Page.of(rows, q.page(), q.perPage());
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
