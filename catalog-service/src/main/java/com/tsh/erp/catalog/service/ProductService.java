package com.tsh.erp.catalog.service;

import com.tsh.erp.defaults.Page;
import com.tsh.erp.catalog.api.ProductRequests.CreateProduct;
import com.tsh.erp.catalog.api.ProductRequests.StockAdjustment;
import com.tsh.erp.catalog.api.ProductRequests.UpdateProduct;
import com.tsh.erp.catalog.api.ProductViews.ProductDetail;
import com.tsh.erp.catalog.api.ProductViews.ProductListItem;
import com.tsh.erp.catalog.api.ProductViews.StockFigures;
import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.StockLedger.Locked;
import com.tsh.erp.catalog.service.StockLedger.Reason;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Jdbc;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.outbox.OutboxWriter;
import com.tsh.erp.text.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

@ApplicationScoped
public class ProductService {

    /** A query that could be the start of a SKU: one word of SKU characters. */
    private static final java.util.regex.Pattern SKU_FRAGMENT = java.util.regex.Pattern.compile("[a-z0-9._/\\\\-]+");
    private static final String LIST_FIELDS = """
            select p.id, p.sku, p.name, p.name_ar, p.category_id, p.unit, p.retail_price, p.wholesale_price,
                   p.available, p.active, p.image_urls[1]
            from product p""";

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    ProductListCache listCache;
    @Inject
    CategoryService categories;
    @Inject
    StockLedger ledger;
    @Inject
    OutboxWriter outbox;

    /**
     * A page of products. With {@code q}, products whose SKU starts with the query come first
     * (the exact SKU before the others, then by SKU), then the other matches in the chosen order.
     * The two parts are two queries, so that each can use its own index (the SKU index's range for
     * the first, the name/price/date index with the trigram filter, or the trigram index, as the
     * planner finds cheaper, for the second) instead of sorting every match of a common word.
     */
    public Page<ProductListItem> list(ProductQuery q) {
        if (q.inStock() != null || q.q() == null || q.q().isBlank()) {
            // membership by stock is never cached; a plain page is cheaper to read from its index than from Redis
            return query(q);
        }
        Optional<String> key = listCache.key(cacheKey(q));
        Optional<Page<ProductListItem>> cached = key.flatMap(listCache::get);
        if (cached.isPresent()) {
            return withLiveStock(cached.get());
        }
        Page<ProductListItem> page = query(q);
        key.ifPresent(k -> listCache.put(k, page));
        return page;
    }

    private static String cacheKey(ProductQuery q) {
        return String.join("|", q.q() == null ? "" : SearchText.normalize(q.q()), String.valueOf(q.categoryId()),
                String.valueOf(q.active() == null || q.active()), String.valueOf(q.minPrice()), String.valueOf(q.maxPrice()),
                String.valueOf(q.sort()), String.valueOf(q.page()), String.valueOf(q.perPage()));
    }

    /** The page with each product's available stock read now (stock is never served from a cache). */
    private Page<ProductListItem> withLiveStock(Page<ProductListItem> page) {
        if (page.items().isEmpty()) {
            return page;
        }
        Map<Long, Integer> available = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, available from product where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", page.items().stream().map(ProductListItem::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    available.put(rs.getLong(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Stock overlay failed: " + e.getMessage(), e);
        }
        List<ProductListItem> items = page.items().stream().map(p -> new ProductListItem(p.id(), p.sku(), p.name(),
                p.nameAr(), p.categoryId(), p.unit(), p.retailPrice(), p.wholesalePrice(),
                available.getOrDefault(p.id(), p.available()), p.active(), p.imageUrl())).toList();
        return new Page<>(items, page.page(), page.perPage(), page.hasMore());
    }

    private Page<ProductListItem> query(ProductQuery q) {
        StringBuilder filters = new StringBuilder(" where p.active = ?");
        List<Object> filterParams = new ArrayList<>();
        filterParams.add(q.active() == null || q.active());
        if (q.categoryId() != null) {
            Set<Long> ids = categories.withDescendants(q.categoryId());
            if (ids.isEmpty()) {
                return Page.of(List.of(), q.page(), q.perPage());
            }
            filters.append(" and p.category_id = any(?)");
            filterParams.add(ids.toArray(Long[]::new));
        }
        if (Boolean.TRUE.equals(q.inStock())) {
            filters.append(" and p.available > 0");
        } else if (Boolean.FALSE.equals(q.inStock())) {
            filters.append(" and p.available <= 0");
        }
        if (q.minPrice() != null) {
            filters.append(" and p.retail_price >= ?");
            filterParams.add(q.minPrice());
        }
        if (q.maxPrice() != null) {
            filters.append(" and p.retail_price <= ?");
            filterParams.add(q.maxPrice());
        }
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
            List<Object> params = new ArrayList<>(filterParams);
            params.add(wanted);
            params.add(offset);
            return Page.of(listItems(LIST_FIELDS + filters + order + " limit ? offset ?", params), q.page(), q.perPage());
        }

        List<ProductListItem> rows = new ArrayList<>();
        long skuMatches = 0;
        boolean skuLike = SKU_FRAGMENT.matcher(pattern).matches();
        if (skuLike) {
            List<Object> params = new ArrayList<>(filterParams);
            params.add(pattern + "%");
            params.add(SearchText.normalize(q.q()));
            params.add(offset + wanted);
            List<ProductListItem> bySku = listItems(LIST_FIELDS + filters + " and lower(p.sku) like ? escape '\\'"
                    + " order by lower(p.sku) = ? desc, lower(p.sku), p.id limit ?", params);
            skuMatches = bySku.size();
            if (offset < skuMatches) {
                rows.addAll(bySku.subList((int) offset, bySku.size()));
            }
        }
        if (rows.size() < wanted) {
            List<Object> params = new ArrayList<>(filterParams);
            params.add("%" + pattern + "%");
            StringBuilder sql = new StringBuilder(LIST_FIELDS).append(filters).append(" and p.search_text like ? escape '\\'");
            if (skuLike) {
                sql.append(" and lower(p.sku) not like ? escape '\\'");
                params.add(pattern + "%");
            }
            params.add(wanted - rows.size());
            params.add(Math.max(0, offset - skuMatches));
            rows.addAll(listItems(sql + order + " limit ? offset ?", params));
        }
        return Page.of(rows, q.page(), q.perPage());
    }

    /** For the gateway: the products with these ids that exist, in the order asked. */
    public List<ProductListItem> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(Long[]::new));
        Map<Long, ProductListItem> byId = new HashMap<>();
        listItems(LIST_FIELDS + " where p.id = any(?)", params).forEach(p -> byId.put(p.id(), p));
        return ids.stream().distinct().filter(byId::containsKey).map(byId::get).toList();
    }

    private List<ProductListItem> listItems(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(c, ps, params);
            List<ProductListItem> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ProductListItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, Long.class), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getInt(9), rs.getBoolean(10), rs.getString(11)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Product list query failed: " + e.getMessage(), e);
        }
    }

    public ProductDetail get(long id) {
        return detail(find(id));
    }

    public ProductDetail bySku(String sku) {
        List<Product> found = em.createQuery("from Product p where lower(p.sku) = :sku", Product.class)
                .setParameter("sku", sku.toLowerCase(Locale.ROOT)).getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound("Product with SKU", sku);
        }
        return detail(found.get(0));
    }

    @Transactional
    public ProductDetail create(CreateProduct req, String actor) {
        requireFreeSku(req.sku(), null);
        categories.requireExisting("category_id", req.categoryId());
        requireFreeZohoId(req.zohoItemId(), null);
        Product p = new Product();
        p.sku = req.sku().strip();
        p.name = req.name().strip();
        p.nameAr = req.nameAr().strip();
        p.description = req.description();
        p.descriptionAr = req.descriptionAr();
        p.categoryId = req.categoryId();
        p.unit = req.unit() == null || req.unit().isBlank() ? "piece" : req.unit().strip();
        p.retailPrice = req.retailPrice();
        p.wholesalePrice = req.wholesalePrice();
        p.costPrice = req.costPrice();
        p.reorderLevel = req.reorderLevel() == null ? 0 : req.reorderLevel();
        p.imageUrls = req.imageUrls() == null ? new ArrayList<>() : new ArrayList<>(req.imageUrls());
        p.zohoItemId = req.zohoItemId();
        p.refreshSearchText();
        em.persist(p);
        em.flush();
        int initial = req.stockOnHand() == null ? 0 : req.stockOnHand();
        if (initial > 0) {
            ledger.apply(p.id, Reason.ADJUSTMENT, initial, 0, null, "initial stock", null, actor);
        }
        em.refresh(p);
        return detail(p, upserted(p, actor, EventEnvelope.ORIGIN_TSH));
    }

    @Transactional
    public ProductDetail update(long id, UpdateProduct req, String actor) {
        Product p = find(id);
        if (p.version != req.version()) {
            throw ApiException.conflict("stale-version", "product " + id + " is at version " + p.version + ", not "
                    + req.version() + "; reload it and apply the change again");
        }
        requireFreeSku(req.sku(), id);
        categories.requireExisting("category_id", req.categoryId());
        requireFreeZohoId(req.zohoItemId(), id);
        p.sku = req.sku().strip();
        p.name = req.name().strip();
        p.nameAr = req.nameAr().strip();
        p.description = req.description();
        p.descriptionAr = req.descriptionAr();
        p.categoryId = req.categoryId();
        if (req.unit() != null && !req.unit().isBlank()) {
            p.unit = req.unit().strip();
        }
        p.retailPrice = req.retailPrice();
        p.wholesalePrice = req.wholesalePrice();
        p.costPrice = req.costPrice();
        if (req.reorderLevel() != null) {
            p.reorderLevel = req.reorderLevel();
        }
        if (req.active() != null) {
            p.active = req.active();
        }
        p.imageUrls = req.imageUrls() == null ? new ArrayList<>() : new ArrayList<>(req.imageUrls());
        p.zohoItemId = req.zohoItemId();
        p.refreshSearchText();
        flush(id);
        return detail(p, upserted(p, actor, EventEnvelope.ORIGIN_TSH));
    }

    @Transactional
    public ProductDetail deactivate(long id, String actor) {
        Product p = find(id);
        if (p.active) {
            p.active = false;
            flush(id);
            listCache.invalidateAfterCommit();
            outbox.append(CatalogEvents.PRODUCT_DEACTIVATED, String.valueOf(p.id), p.version, actor,
                    new ProductDeactivated(p.id, p.sku, Instant.now()));
        }
        return detail(p);
    }

    /**
     * Changes stock on hand by a counted amount. The Idempotency-Key, if any, is recorded on the
     * ledger row for the audit; replaying a retried request is {@code IdempotentRequests}' job.
     *
     * @return the figures after the change
     */
    @Transactional
    public StockFigures adjustStock(long id, StockAdjustment req, String idempotencyKey, String actor) {
        Locked locked = ledger.lock(List.of(id)).get(id);
        if (locked == null) {
            throw ApiException.notFound("Product", id);
        }
        if (req.quantityDelta() == 0) {
            throw ApiException.badRequest("quantity_delta", "must not be 0");
        }
        int after = locked.stockOnHand() + req.quantityDelta();
        if (after < locked.reserved()) {
            throw ApiException.unprocessable("quantity_delta", "stock on hand would fall to " + after + ", below the "
                    + locked.reserved() + " units reserved for orders");
        }
        return ledger.apply(id, Reason.ADJUSTMENT, req.quantityDelta(), 0, null, req.reason().strip(), idempotencyKey, actor);
    }

    public void requireExists(long id) {
        find(id);
    }

    /**
     * Puts ProductUpserted in the outbox under the product's version. Its stock figures are read
     * here under the row lock (held since the flush that wrote the change), not taken from the
     * entity as loaded earlier: a stock change that committed meanwhile is in them, and one that
     * comes later waits for this commit. Returns those figures.
     */
    Locked upserted(Product p, String actor, String origin) {
        listCache.invalidateAfterCommit();
        Locked stock = ledger.lock(List.of(p.id)).get(p.id);
        outbox.append(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(p.id), p.version, actor, origin,
                new ProductUpserted(p.id, p.sku, p.name, p.nameAr, p.description, p.descriptionAr, p.categoryId, p.unit,
                        p.retailPrice, p.wholesalePrice, p.costPrice, stock.stockOnHand(), stock.reserved(),
                        stock.available(), stock.stockVersion(), p.reorderLevel, p.active, List.copyOf(p.imageUrls),
                        p.zohoItemId, p.createdAt, p.updatedAt));
        return stock;
    }

    Product find(long id) {
        Product p = em.find(Product.class, id);
        if (p == null) {
            throw ApiException.notFound("Product", id);
        }
        return p;
    }

    void requireFreeSku(String sku, Long exceptId) {
        Long taken = em.createQuery("select p.id from Product p where lower(p.sku) = :sku", Long.class)
                .setParameter("sku", sku.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst().orElse(null);
        if (taken != null && !taken.equals(exceptId)) {
            throw new ApiException(409, "duplicate-sku", "Conflict", "SKU " + sku.strip() + " is already used by product " + taken,
                    List.of(new com.tsh.erp.defaults.Problem.FieldError("sku", "already used by product " + taken)));
        }
    }

    private void requireFreeZohoId(String zohoItemId, Long exceptId) {
        if (zohoItemId == null) {
            return;
        }
        Long taken = em.createQuery("select p.id from Product p where p.zohoItemId = :z", Long.class)
                .setParameter("z", zohoItemId).getResultStream().findFirst().orElse(null);
        if (taken != null && !taken.equals(exceptId)) {
            throw new ApiException(409, "duplicate-zoho-item", "Conflict", "Zoho item " + zohoItemId + " is already linked to product " + taken,
                    List.of(new com.tsh.erp.defaults.Problem.FieldError("zoho_item_id", "already linked to product " + taken)));
        }
    }

    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("stale-version", "product " + id + " was changed meanwhile; reload it");
        }
    }

    /** The product with stock figures read under its row lock in this transaction. */
    static ProductDetail detail(Product p, Locked stock) {
        return new ProductDetail(p.id, p.sku, p.name, p.nameAr, p.description, p.descriptionAr, p.categoryId, p.unit,
                p.retailPrice, p.wholesalePrice, p.costPrice, stock.stockOnHand(), stock.reserved(), stock.available(),
                p.reorderLevel, p.active, List.copyOf(p.imageUrls), p.zohoItemId, p.createdAt, p.updatedAt, p.version);
    }

    static ProductDetail detail(Product p) {
        return new ProductDetail(p.id, p.sku, p.name, p.nameAr, p.description, p.descriptionAr, p.categoryId, p.unit,
                p.retailPrice, p.wholesalePrice, p.costPrice, p.stockOnHand, p.reserved, p.stockOnHand - p.reserved,
                p.reorderLevel, p.active, List.copyOf(p.imageUrls), p.zohoItemId, p.createdAt, p.updatedAt, p.version);
    }
}
