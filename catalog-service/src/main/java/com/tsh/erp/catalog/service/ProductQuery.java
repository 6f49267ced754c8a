package com.tsh.erp.catalog.service;

import java.math.BigDecimal;

/**
 * What the product list asks for. {@code sort}: name (default), newest, price (ascending) or
 * -price (descending); with {@code q}, exact and prefix SKU matches come first, then the sort.
 */
public record ProductQuery(String q, Long categoryId, Boolean active, Boolean inStock, BigDecimal minPrice,
                           BigDecimal maxPrice, String sort, int page, int perPage) {
}
