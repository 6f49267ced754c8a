package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tsh.erp.catalog.config.CatalogConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * All categories, cached in Redis (shared by every replica) for {@code tsh.catalog.category-cache-ttl}
 * under a generation that every category change raises after its commit ({@link CacheGenerations}),
 * so the next read anywhere sees the change and a read that overlapped the change cannot put the
 * old tree back. If Redis is unreachable the database answers (slower, never wrong).
 */
@ApplicationScoped
public class CategoryCache {

    @Inject
    CacheGenerations generations;
    @Inject
    EntityManager em;
    @Inject
    CatalogConfig config;

    private GenerationalCache<List<CategoryRow>> tree;

    @PostConstruct
    void init() {
        tree = generations.cache(config.cachePrefix() + ":categories", new TypeReference<>() { }, config::categoryCacheTtl);
    }

    public List<CategoryRow> all() {
        Optional<String> key = currentKey();
        Optional<List<CategoryRow>> cached = key.flatMap(tree::get);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<CategoryRow> rows = load();
        key.ifPresent(k -> store(k, rows));
        return rows;
    }

    /** The Redis key of the tree under the current generation (taken before loading). */
    public Optional<String> currentKey() {
        return tree.key("tree:v2");
    }

    public void store(String key, List<CategoryRow> rows) {
        tree.put(key, rows);
    }

    /** After the current transaction commits, the cached tree is stale on every replica. */
    public void invalidateAfterCommit() {
        tree.invalidateAfterCommit();
    }

    public List<CategoryRow> load() {
        return em.createQuery("""
                        select new com.tsh.erp.catalog.service.CategoryRow(
                            c.id, c.parentId, c.name, c.nameAr, c.sortOrder, c.active, c.version, c.updatedAt)
                        from Category c order by c.sortOrder, c.name, c.id""", CategoryRow.class)
                .getResultList();
    }
}
