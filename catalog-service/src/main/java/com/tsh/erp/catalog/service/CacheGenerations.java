package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Redis caches whose entries are stored under a generation number: a reader takes the current
 * generation before it loads from the database and stores what it loaded under that generation; a
 * writer raises the generation after its transaction commits. A reader that loaded before a commit
 * and stores after it therefore stores under a generation nobody reads any more, instead of putting
 * the old value back under the live key (the race a plain delete-after-commit has). Every replica
 * sees the new generation on its next read. Redis unreachable: nothing is cached, the database
 * answers.
 *
 * <p>Each cache is a namespace ({@code categories}, {@code plist}) with its own generation.
 */
@ApplicationScoped
public class CacheGenerations {

    private static final Logger LOG = Logger.getLogger(CacheGenerations.class);

    /** Fired inside a transaction; the namespace's generation moves on when (and only if) it commits. */
    public record Changed(String namespace) {
    }

    @Inject
    RedisDataSource redis;
    @Inject
    Event<Changed> changed;
    @Inject
    ObjectMapper json;

    private ValueCommands<String, String> values;

    @PostConstruct
    void init() {
        values = redis.value(String.class);
    }

    /** A cache of {@code type} values in {@code namespace}, each kept for {@code ttl} (read at each store). */
    public <T> GenerationalCache<T> cache(String namespace, TypeReference<T> type, Supplier<Duration> ttl) {
        return new GenerationalCache<>(this, json, namespace, type, ttl);
    }

    /** The key for {@code suffix} under the namespace's current generation; empty when Redis cannot be reached. */
    public Optional<String> key(String namespace, String suffix) {
        try {
            String generation = values.get(namespace + ":gen");
            return Optional.of(namespace + ":" + (generation == null ? "0" : generation) + ":" + suffix);
        } catch (Exception e) {
            LOG.debugf("cache %s unavailable: %s", namespace, e.getMessage());
            return Optional.empty();
        }
    }

    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(values.get(key));
        } catch (Exception e) {
            LOG.debugf("cache unavailable: %s", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(String key, String value, Duration ttl) {
        try {
            values.set(key, value, new SetArgs().px(ttl));
        } catch (Exception e) {
            LOG.debugf("not cached: %s", e.getMessage());
        }
    }

    /** Makes every entry of the namespace stale once the current transaction commits. */
    public void invalidateAfterCommit(String namespace) {
        changed.fire(new Changed(namespace));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        try {
            values.incr(change.namespace() + ":gen");
        } catch (Exception e) {
            LOG.warnf("cache %s not invalidated (entries expire within their TTL): %s", change.namespace(), e.getMessage());
        }
    }
}
