package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.StockLedger.Stock;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One whole product, by id or SKU, for the detail view: one statement reads the descriptive
 * columns and the ledger's figures together (one round trip, one consistent snapshot, no
 * Hibernate session for a read-only view: the detail is the most requested read after the list).
 */
@ApplicationScoped
public class ProductDetails {

    private static final String DETAIL = """
            select id, sku, name, name_ar, description, description_ar, category_id, unit, retail_price,
                   wholesale_price, cost_price, reorder_level, active, image_urls, zoho_item_id, created_at,
                   updated_at, version, stock_on_hand, reserved, stock_version
            from product""";

    @Inject
    EntityManager em;
    @Inject
    StockLedger ledger;
    @Inject
    Sql sql;

    public ProductWithStock get(long id) {
        return sql.one(DETAIL + " where id = :id", Params.of("id", id), ProductDetails::detail)
                .orElseThrow(() -> ApiException.notFound("Product", id));
    }

    public ProductWithStock bySku(String sku) {
        return sql.one(DETAIL + " where lower(sku) = :sku", Params.of("sku", sku.toLowerCase(Locale.ROOT)),
                        ProductDetails::detail)
                .orElseThrow(() -> ApiException.notFound("Product with SKU", sku));
    }

    public void requireExists(long id) {
        find(em, id);
    }

    /** The product (as this transaction sees it) with its figures as committed (not locked). */
    ProductWithStock withStock(Product p) {
        return ProductMapper.withStock(p, ledger.figures(p.id).orElseThrow(() -> ApiException.notFound("Product", p.id)));
    }

    static Product find(EntityManager em, long id) {
        Product p = em.find(Product.class, id);
        if (p == null) {
            throw ApiException.notFound("Product", id);
        }
        return p;
    }

    private static ProductWithStock detail(Row r) throws SQLException {
        return new ProductWithStock(r.getLong("id"), r.getString("sku"), r.getString("name"), r.getString("name_ar"),
                r.getString("description"), r.getString("description_ar"), r.getLongOrNull("category_id"),
                r.getString("unit"), r.getBigDecimal("retail_price"), r.getBigDecimal("wholesale_price"),
                r.getBigDecimal("cost_price"), r.getInt("reorder_level"), r.getBoolean("active"),
                r.getStrings("image_urls"), r.getString("zoho_item_id"), r.getInstant("created_at"),
                r.getInstant("updated_at"), r.getLong("version"), Stock.of(r));
    }
}
