package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.catalog.config.CatalogConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * All categories, cached in Redis (shared by every replica) for {@code tsh.catalog.category-cache-ttl}
 * under a generation that every category change raises after its commit ({@link CacheGenerations}),
 * so the next read anywhere sees the change and a read that overlapped the change cannot put the
 * old tree back. If Redis is unreachable the database answers (slower, never wrong).
 */
@ApplicationScoped
public class CategoryCache {

    private static final Logger LOG = Logger.getLogger(CategoryCache.class);
    private static final TypeReference<List<CategoryRow>> ROWS = new TypeReference<>() { };

    @Inject
    CacheGenerations generations;
    @Inject
    EntityManager em;
    @Inject
    CatalogConfig config;
    @Inject
    ObjectMapper json;

    private String namespace;

    @PostConstruct
    void init() {
        namespace = config.cachePrefix() + ":categories";
    }

    public List<CategoryRow> all() {
        Optional<String> key = currentKey();
        Optional<List<CategoryRow>> cached = key.flatMap(generations::get).flatMap(this::parse);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<CategoryRow> rows = load();
        key.ifPresent(k -> store(k, rows));
        return rows;
    }

    /** The Redis key of the tree under the current generation (taken before loading). */
    public Optional<String> currentKey() {
        return generations.key(namespace, "tree:v2");
    }

    public void store(String key, List<CategoryRow> rows) {
        try {
            generations.put(key, json.writeValueAsString(rows), config.categoryCacheTtl());
        } catch (Exception e) {
            LOG.warnf("Category cache not written: %s", e.getMessage());
        }
    }

    private Optional<List<CategoryRow>> parse(String cached) {
        try {
            return Optional.of(json.readValue(cached, ROWS));
        } catch (Exception e) {
            LOG.warnf("Category cache unreadable, using the database: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** After the current transaction commits, the cached tree is stale on every replica. */
    public void invalidateAfterCommit() {
        generations.invalidateAfterCommit(namespace);
    }

    public List<CategoryRow> load() {
        return em.createQuery("""
                        select new com.tsh.erp.catalog.service.CategoryRow(
                            c.id, c.parentId, c.name, c.nameAr, c.sortOrder, c.active, c.version, c.updatedAt)
                        from Category c order by c.sortOrder, c.name, c.id""", CategoryRow.class)
                .getResultList();
    }
}
