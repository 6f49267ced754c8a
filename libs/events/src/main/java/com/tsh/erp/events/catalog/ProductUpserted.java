package com.tsh.erp.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product was created or changed; carries its whole new state. Key and aggregate id: the product id. */
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
        int reorderLevel,
        boolean active,
        List<String> imageUrls,
        String zohoItemId,
        Instant createdAt,
        Instant updatedAt) {
}
