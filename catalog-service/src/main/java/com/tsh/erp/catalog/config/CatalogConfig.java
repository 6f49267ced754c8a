package com.tsh.erp.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tsh.catalog")
public interface CatalogConfig {

    /** How long the category tree stays in Redis; every change invalidates it at once anyway. */
    @WithDefault("1h")
    Duration categoryCacheTtl();

    /** The Kafka consumer name recorded in the inbox for order events. */
    @WithDefault("catalog-orders")
    String ordersConsumer();

    @WithDefault("catalog-zoho")
    String zohoConsumer();
}
