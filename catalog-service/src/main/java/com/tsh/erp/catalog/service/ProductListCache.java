package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tsh.erp.catalog.api.ProductViews.ProductListItem;
import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.defaults.Page;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Product list and search pages in Redis for a short time (DESIGN.md: list pages, short TTL).
 * Keys carry a generation number; every product or category change increments it after its
 * transaction commits, so all cached pages are stale at once on every replica. Stock figures are
 * never served from here: the caller overlays live ones. If Redis is unreachable the database
 * answers.
 */
@ApplicationScoped
public class ProductListCache {

    private static final Logger LOG = Logger.getLogger(ProductListCache.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Page<ProductListItem>> PAGE = new TypeReference<>() { };

    @Inject
    RedisDataSource redis;
    @Inject
    CatalogConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private ValueCommands<String, String> values;
    private String generationKey;

    @PostConstruct
    void init() {
        values = redis.value(String.class);
        generationKey = config.cachePrefix() + ":plist:gen";
    }

    /**
     * The Redis key for a query's page under the current generation, or empty when the cache is off
     * or Redis cannot be reached (then the database answers and nothing is cached).
     */
    public Optional<String> key(String query) {
        if (config.listCacheTtl().isZero()) {
            return Optional.empty();
        }
        try {
            String generation = values.get(generationKey);
            return Optional.of(config.cachePrefix() + ":plist:" + (generation == null ? "0" : generation) + ":" + query);
        } catch (Exception e) {
            LOG.debugf("product list cache unavailable: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** The page cached under {@code key}, if there is one. */
    public Optional<Page<ProductListItem>> get(String key) {
        try {
            String cached = values.get(key);
            return cached == null ? Optional.empty() : Optional.of(JSON.readValue(cached, PAGE));
        } catch (Exception e) {
            LOG.debugf("product list cache unavailable: %s", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(String key, Page<ProductListItem> page) {
        try {
            values.set(key, JSON.writeValueAsString(page), new SetArgs().px(config.listCacheTtl()));
        } catch (Exception e) {
            LOG.debugf("product list page not cached: %s", e.getMessage());
        }
    }

    /** After the current transaction commits, every cached page is stale (once per transaction). */
    public void invalidateAfterCommit() {
        if (transactions.getResource(generationKey) != null) {
            return;
        }
        transactions.putResource(generationKey, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        values.incr(generationKey);
                    } catch (Exception e) {
                        LOG.warnf("product list cache not invalidated (pages expire within the TTL): %s", e.getMessage());
                    }
                }
            }
        });
    }
}
