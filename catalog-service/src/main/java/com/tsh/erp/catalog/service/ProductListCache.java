package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.defaults.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Product search pages in Redis for a short time (list pages, short TTL), under a generation that
 * every product or category change raises after its commit ({@link CacheGenerations}), so all
 * cached pages are stale at once on every replica. Stock figures are never served from here: the
 * caller overlays live ones. If Redis is unreachable the database answers.
 */
@ApplicationScoped
public class ProductListCache {

    private static final Logger LOG = Logger.getLogger(ProductListCache.class);
    private static final TypeReference<Page<ProductSummary>> PAGE = new TypeReference<>() { };

    @Inject
    CacheGenerations generations;
    @Inject
    CatalogConfig config;
    @Inject
    ObjectMapper json;

    private String namespace;

    @PostConstruct
    void init() {
        namespace = config.cachePrefix() + ":plist";
    }

    /**
     * The Redis key for a query's page under the current generation, or empty when the cache is off
     * or Redis cannot be reached (then the database answers and nothing is cached).
     */
    public Optional<String> key(String query) {
        return config.listCacheTtl().isZero() ? Optional.empty() : generations.key(namespace, query);
    }

    /** The page cached under {@code key}, if there is one. */
    public Optional<Page<ProductSummary>> get(String key) {
        return generations.get(key).flatMap(cached -> {
            try {
                return Optional.of(json.readValue(cached, PAGE));
            } catch (Exception e) {
                LOG.debugf("product list cache unreadable: %s", e.getMessage());
                return Optional.empty();
            }
        });
    }

    public void put(String key, Page<ProductSummary> page) {
        try {
            generations.put(key, json.writeValueAsString(page), config.listCacheTtl());
        } catch (Exception e) {
            LOG.debugf("product list page not cached: %s", e.getMessage());
        }
    }

    /** After the current transaction commits, every cached page is stale. */
    public void invalidateAfterCommit() {
        generations.invalidateAfterCommit(namespace);
    }
}
