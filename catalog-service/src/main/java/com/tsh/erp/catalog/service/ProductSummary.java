package com.tsh.erp.catalog.service;

import java.math.BigDecimal;

/** A product's list fields (what lists, searches and the gateway's batch read return; search pages are cached as these). */
public record ProductSummary(long id, String sku, String name, String nameAr, Long categoryId, String unit,
                             BigDecimal retailPrice, BigDecimal wholesalePrice, int available, boolean active,
                             String imageUrl) {

    ProductSummary withAvailable(int available) {
        return new ProductSummary(id, sku, name, nameAr, categoryId, unit, retailPrice, wholesalePrice, available, active,
                imageUrl);
    }
}
