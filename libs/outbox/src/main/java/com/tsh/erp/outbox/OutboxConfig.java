package com.tsh.erp.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tsh.outbox")
public interface OutboxConfig {

    /** Run the relay in this process. Every replica may run it: lanes are claimed with SKIP LOCKED. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long an idle relay waits before looking again (a local commit wakes it at once). */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Most rows published in one claim. */
    @WithDefault("500")
    int batchSize();

    /**
     * Most lanes (of 16) one relay claims in a cycle. All by default: a cycle lasts milliseconds, and
     * another replica takes the lanes that are free when it looks; lower it to make replicas share
     * each moment's work more evenly.
     */
    @WithDefault("16")
    int maxLanes();

    /** First delay after a failed publish; it doubles with each attempt up to retryMaxDelay. */
    @WithDefault("500ms")
    Duration retryInitialDelay();

    @WithDefault("5m")
    Duration retryMaxDelay();

    /** How long the relay waits for Kafka to acknowledge a batch. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * Put before every topic name the relay publishes to, e.g. {@code staging.} when several
     * environments share one Kafka cluster (tests use one per run). Consumers' topics must carry
     * the same prefix in their channel configuration.
     */
    java.util.Optional<String> topicPrefix();

    /** Published outbox rows are deleted after this long. */
    @WithDefault("7d")
    Duration retention();

    /**
     * Handled event ids are kept this long, so a redelivery within it is recognised. Keep it longer
     * than the topics' retention (7 days in deploy/), or a replay from the start could apply twice.
     */
    @WithDefault("30d")
    Duration inboxRetention();

    /** How long an Idempotency-Key is remembered: a retry within it replays the first answer. */
    @WithDefault("24h")
    Duration idempotencyKeyRetention();
}
