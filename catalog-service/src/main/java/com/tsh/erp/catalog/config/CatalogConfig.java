package com.tsh.erp.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tsh.catalog")
public interface CatalogConfig {

    /** The start of every Redis key of this service (tests use one of their own per run). */
    @WithDefault("catalog")
    String cachePrefix();

    /** How long the category tree stays in Redis; every change invalidates it at once anyway. */
    @WithDefault("1h")
    Duration categoryCacheTtl();

    /**
     * How long a search page stays in Redis (0 turns the cache off). Plain list pages are not cached:
     * read from their index they cost less than parsing a cached page (measured, BENCHMARKS.md). Any product or
     * category change makes every cached page stale at once; stock figures are never taken from
     * the cache, and pages filtered by stock are never cached.
     */
    @WithDefault("30s")
    java.time.Duration listCacheTtl();

    /** Products imports (POST /products/imports). */
    Imports imports();

    interface Imports {
        /** The largest file taken (bytes); the service's HTTP body limit is set above it, for the form around it. */
        @WithDefault("10485760")
        long maxBytes();

        /** The most rows a file may have after its header. */
        @WithDefault("50000")
        int maxRows();

        /** Rows applied in one transaction; a batch that fails is applied again row by row to find the bad row. */
        @WithDefault("500")
        int batchSize();
    }
}
