package com.tsh.erp.catalog.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product's descriptive fields as a create or an edit gives them (validated by the API). A
 * {@code null} or blank {@code unit}, a {@code null} {@code reorderLevel} or {@code active} keep
 * what the product has (for a new product: {@code piece}, 0, active).
 */
public record ProductInput(String sku, String name, String nameAr, String description, String descriptionAr,
                           Long categoryId, String unit, BigDecimal retailPrice, BigDecimal wholesalePrice,
                           BigDecimal costPrice, Integer reorderLevel, Boolean active, List<String> imageUrls,
                           String zohoItemId) {
}
