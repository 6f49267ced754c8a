package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tsh.erp.catalog.config.CatalogConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * All categories, cached in Redis (shared by every replica) for {@code tsh.catalog.category-cache-ttl}.
 * Every change deletes the entry after its transaction commits, so the next read anywhere sees it.
 * If Redis is unreachable the database answers (slower, never wrong).
 */
@ApplicationScoped
public class CategoryCache {

    private static final Logger LOG = Logger.getLogger(CategoryCache.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Inject
    RedisDataSource redis;
    @Inject
    EntityManager em;
    @Inject
    CatalogConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private ValueCommands<String, String> values;
    private String key;

    @PostConstruct
    void init() {
        values = redis.value(String.class);
        key = config.cachePrefix() + ":categories:v1";
    }

    /** The Redis key of the cached tree. */
    public String key() {
        return key;
    }

    public List<CategoryRow> all() {
        try {
            String cached = values.get(key);
            if (cached != null) {
                return JSON.readValue(cached, new TypeReference<List<CategoryRow>>() { });
            }
        } catch (Exception e) {
            LOG.warnf("Category cache unreadable, using the database: %s", e.getMessage());
        }
        List<CategoryRow> rows = load();
        try {
            values.set(key, JSON.writeValueAsString(rows), new SetArgs().px(config.categoryCacheTtl()));
        } catch (Exception e) {
            LOG.warnf("Category cache not written: %s", e.getMessage());
        }
        return rows;
    }

    /** Deletes the cached tree now and again after the current transaction commits. */
    public void invalidateAfterCommit() {
        delete();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    delete();
                }
            }
        });
    }

    private void delete() {
        try {
            redis.key(String.class).del(key);
        } catch (Exception e) {
            LOG.warnf("Category cache not invalidated (it expires within the TTL): %s", e.getMessage());
        }
    }

    List<CategoryRow> load() {
        return em.createQuery("""
                        select new com.tsh.erp.catalog.service.CategoryRow(
                            c.id, c.parentId, c.name, c.nameAr, c.sortOrder, c.active, c.version, c.updatedAt)
                        from Category c order by c.sortOrder, c.name, c.id""", CategoryRow.class)
                .getResultList();
    }
}
