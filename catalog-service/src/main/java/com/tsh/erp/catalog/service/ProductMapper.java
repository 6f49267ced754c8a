package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.StockLedger.Stock;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.zoho.ZohoItemChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a product's fields are mapped: onto the entity from a create or an edit and from a
 * Zoho item, and from the entity (with the ledger's stock figures) to the detail and to the
 * ProductUpserted event. A field added to products is added here.
 */
final class ProductMapper {

    private ProductMapper() {
    }

    /** A create or an edit. */
    static void apply(Product p, ProductInput in) {
        p.sku = in.sku().strip();
        p.name = in.name().strip();
        p.nameAr = in.nameAr().strip();
        p.description = in.description();
        p.descriptionAr = in.descriptionAr();
        p.categoryId = in.categoryId();
        if (in.unit() != null && !in.unit().isBlank()) {
            p.unit = in.unit().strip();
        } else if (p.unit == null) {
            p.unit = "piece";
        }
        p.retailPrice = in.retailPrice();
        p.wholesalePrice = in.wholesalePrice();
        p.costPrice = in.costPrice();
        if (in.reorderLevel() != null) {
            p.reorderLevel = in.reorderLevel();
        }
        if (in.active() != null) {
            p.active = in.active();
        }
        p.imageUrls = in.imageUrls() == null ? new ArrayList<>() : new ArrayList<>(in.imageUrls());
        p.zohoItemId = in.zohoItemId();
        p.refreshSearchText();
    }

    /**
     * An item from Zoho: what Zoho has replaces ours; what it lacks (the Arabic name, the unit, a
     * price) keeps ours, or a default for a new product. Stock is not here (the ledger imports it).
     */
    static void applyZoho(Product p, ZohoItemChanged item) {
        p.zohoItemId = item.zohoItemId();
        p.sku = item.sku().strip();
        p.name = item.name().strip();
        p.nameAr = item.nameAr() != null && !item.nameAr().isBlank() ? item.nameAr().strip()
                : (p.nameAr != null ? p.nameAr : p.name); // Zoho may not have the Arabic name: keep ours, or the English one
        if (item.description() != null) {
            p.description = item.description();
        }
        p.unit = item.unit() != null && !item.unit().isBlank() ? item.unit().strip() : (p.unit != null ? p.unit : "piece");
        p.retailPrice = money(item.rate(), p.retailPrice);
        p.wholesalePrice = money(item.wholesaleRate(), p.wholesalePrice != null ? p.wholesalePrice : p.retailPrice);
        p.costPrice = item.purchaseRate() != null ? item.purchaseRate() : p.costPrice;
        if (item.reorderLevel() != null && item.reorderLevel() >= 0) {
            p.reorderLevel = item.reorderLevel();
        }
        p.active = !"inactive".equalsIgnoreCase(item.status());
        p.zohoModifiedAt = item.lastModifiedTime();
        p.refreshSearchText();
    }

    static ProductWithStock withStock(Product p, Stock stock) {
        return new ProductWithStock(p.id, p.sku, p.name, p.nameAr, p.description, p.descriptionAr, p.categoryId, p.unit,
                p.retailPrice, p.wholesalePrice, p.costPrice, p.reorderLevel, p.active, List.copyOf(p.imageUrls),
                p.zohoItemId, p.createdAt, p.updatedAt, p.version, stock);
    }

    static ProductUpserted upserted(Product p, Stock stock) {
        return new ProductUpserted(p.id, p.sku, p.name, p.nameAr, p.description, p.descriptionAr, p.categoryId, p.unit,
                p.retailPrice, p.wholesalePrice, p.costPrice, stock.stockOnHand(), stock.reserved(), stock.available(),
                stock.stockVersion(), p.reorderLevel, p.active, List.copyOf(p.imageUrls), p.zohoItemId, p.createdAt,
                p.updatedAt);
    }

    private static BigDecimal money(BigDecimal value, BigDecimal fallback) {
        if (value != null) {
            return value.setScale(2, RoundingMode.HALF_UP);
        }
        return fallback != null ? fallback : BigDecimal.ZERO.setScale(2);
    }
}
