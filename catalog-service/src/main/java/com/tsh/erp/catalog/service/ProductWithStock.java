package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.service.StockLedger.Stock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The whole product: its descriptive state (the entity's, at {@code version}) and its stock figures (the ledger's). */
public record ProductWithStock(long id, String sku, String name, String nameAr, String description, String descriptionAr,
                               Long categoryId, String unit, BigDecimal retailPrice, BigDecimal wholesalePrice,
                               BigDecimal costPrice, int reorderLevel, boolean active, List<String> imageUrls,
                               String zohoItemId, Instant createdAt, Instant updatedAt, long version, Stock stock) {
}
