package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.defaults.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Product search pages in Redis for a short time ({@code tsh.catalog.list-cache-ttl}; zero turns it
 * off), under a generation that every product or category change raises after its commit
 * ({@link CacheGenerations}), so all cached pages are stale at once on every replica. Stock figures
 * are never served from here: the caller overlays live ones. If Redis is unreachable the database
 * answers.
 */
@ApplicationScoped
public class ProductListCache {

    @Inject
    CacheGenerations generations;
    @Inject
    CatalogConfig config;

    private GenerationalCache<Page<ProductSummary>> pages;

    @PostConstruct
    void init() {
        pages = generations.cache(config.cachePrefix() + ":plist", new TypeReference<>() { }, config::listCacheTtl);
    }

    /** The key for a query's page under the current generation, or empty (cache off, Redis unreachable). */
    public Optional<String> key(String query) {
        return pages.key(query);
    }

    /** The page cached under {@code key}, if there is one. */
    public Optional<Page<ProductSummary>> get(String key) {
        return pages.get(key);
    }

    public void put(String key, Page<ProductSummary> page) {
        pages.put(key, page);
    }

    /** After the current transaction commits, every cached page is stale. */
    public void invalidateAfterCommit() {
        pages.invalidateAfterCommit();
    }
}
