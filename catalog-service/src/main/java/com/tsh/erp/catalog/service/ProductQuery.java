package com.tsh.erp.catalog.service;

import java.math.BigDecimal;

/**
 * What the product list asks for. {@code sort}: relevance (the default with {@code q}), name (the
 * default without), newest, price (ascending) or -price (descending); with {@code q} the relevance
 * tiers come first (exact SKU, SKU prefix, whole words, word starts, inside words, similar words) and
 * the sort orders each tier, relevance by name.
 */
public record ProductQuery(String q, Long categoryId, Boolean active, Boolean inStock, BigDecimal minPrice,
                           BigDecimal maxPrice, String sort, int page, int perPage) {
}
