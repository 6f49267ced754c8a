package com.tsh.erp.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Response bodies of the product API. Lists carry list fields only; the detail carries everything. */
public final class ProductViews {

    private ProductViews() {
    }

    public record ProductListItem(long id, String sku, String name, String nameAr, Long categoryId, String unit,
                                  BigDecimal retailPrice, BigDecimal wholesalePrice, int available, boolean active,
                                  String imageUrl) {
    }

    public record ProductDetail(long id, String sku, String name, String nameAr, String description, String descriptionAr,
                                Long categoryId, String unit, BigDecimal retailPrice, BigDecimal wholesalePrice,
                                BigDecimal costPrice, int stockOnHand, int reserved, int available, int reorderLevel,
                                boolean active, List<String> imageUrls, String zohoItemId, Instant createdAt,
                                Instant updatedAt, long version) {
    }

    public record StockFigures(long productId, String sku, int stockOnHand, int reserved, int available) {
    }

    public record LedgerEntry(long id, String reason, int onHandDelta, int reservedDelta, int onHandAfter,
                              int reservedAfter, String orderId, String note, String actor, Instant createdAt) {
    }

    public record Batch<T>(List<T> items) {
    }
}
