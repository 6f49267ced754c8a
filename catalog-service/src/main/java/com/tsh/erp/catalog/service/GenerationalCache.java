package com.tsh.erp.catalog.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One namespace of {@link CacheGenerations}: values of one type, stored as JSON for a TTL under the
 * namespace's generation. Take the key ({@link #key}) before loading from the database and store
 * under that key: a change committed meanwhile has moved the generation on, so the old value lands
 * where nobody reads. A TTL of zero turns the cache off (no key). Anything unreadable or unwritable
 * is a miss: the database answers.
 */
public final class GenerationalCache<T> {

    private static final Logger LOG = Logger.getLogger(GenerationalCache.class);

    private final CacheGenerations generations;
    private final ObjectMapper json;
    private final String namespace;
    private final TypeReference<T> type;
    private final Supplier<Duration> ttl;

    GenerationalCache(CacheGenerations generations, ObjectMapper json, String namespace, TypeReference<T> type,
                      Supplier<Duration> ttl) {
        this.generations = generations;
        this.json = json;
        this.namespace = namespace;
        this.type = type;
        this.ttl = ttl;
    }

    /** The key for {@code suffix} under the current generation; empty when the cache is off or Redis is unreachable. */
    public Optional<String> key(String suffix) {
        return ttl.get().isZero() ? Optional.empty() : generations.key(namespace, suffix);
    }

    /** The value stored under {@code key}, if there is one and it can be read. */
    public Optional<T> get(String key) {
        return generations.get(key).flatMap(cached -> {
            try {
                return Optional.of(json.readValue(cached, type));
            } catch (Exception e) {
                LOG.warnf("cache %s: entry unreadable, using the database: %s", namespace, e.getMessage());
                return Optional.empty();
            }
        });
    }

    public void put(String key, T value) {
        try {
            generations.put(key, json.writeValueAsString(value), ttl.get());
        } catch (Exception e) {
            LOG.warnf("cache %s: entry not written: %s", namespace, e.getMessage());
        }
    }

    /** After the current transaction commits, every entry of the namespace is stale, on every replica. */
    public void invalidateAfterCommit() {
        generations.invalidateAfterCommit(namespace);
    }
}
