package com.tsh.erp.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product was created or changed; carries its whole new state. Key and aggregate id: the product
 * id; aggregate version: the product's own version (every change of its descriptive state, and
 * deactivation, raises it). The stock figures are read under the product's row lock in the same
 * transaction, so they are those of the moment the change committed; {@code stockVersion} says
 * which stock version they are (compare with {@link StockChanged}'s aggregate version on
 * {@code catalog.stock}, the topic that follows stock from there on).
 */
public record ProductUpserted(
        long productId,
        String sku,
        String name,
        String nameAr,
        String description,
        String descriptionAr,
        Long categoryId,
        String unit,
        BigDecimal retailPrice,
        BigDecimal wholesalePrice,
        BigDecimal costPrice,
        int stockOnHand,
        int reserved,
        int available,
        long stockVersion,
        int reorderLevel,
        boolean active,
        List<String> imageUrls,
        String zohoItemId,
        Instant createdAt,
        Instant updatedAt) {
}
