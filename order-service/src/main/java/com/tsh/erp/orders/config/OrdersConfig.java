package com.tsh.erp.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The order rules that a deployment may set ({@code tsh.orders.*}). */
@ConfigMapping(prefix = "tsh.orders")
public interface OrdersConfig {

    /** The largest order discount a request may ask for, in percent. */
    @WithDefault("10")
    BigDecimal maxDiscountPercent();

    /** How long an order may wait for both saga answers before it is rejected with reason TIMEOUT. */
    @WithDefault("30s")
    Duration sagaTimeout();

    /** How often the timeout sweep looks for orders waiting too long. */
    @WithDefault("5s")
    Duration sweepEvery();

    /** How long a statistics answer stays in Redis. */
    @WithDefault("60s")
    Duration statsCacheTtl();

    /** The start of every Redis key of this service (tests use one of their own per run). */
    @WithDefault("orders")
    String cachePrefix();

    /** The read models' generation: a new one replays the topics into emptied read models (README). */
    @WithDefault("1")
    int readModelGeneration();
}
