package com.tsh.erp.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The gateway's settings ({@code tsh.gateway.*}); the keys themselves are smallrye-jwt's (see {@code Keys}). */
@ConfigMapping(prefix = "tsh.gateway")
public interface GatewayConfig {

    /** The {@code iss} of every access token, and what the gateway and the services accept. */
    @WithDefault("https://tsh-erp/gateway")
    String issuer();

    @WithDefault("15m")
    Duration accessTokenTtl();

    @WithDefault("720h")
    Duration refreshTokenTtl();

    /** The first admin, made only on a start with no user at all. */
    Optional<String> adminUsername();

    Optional<String> adminPassword();

    /** The beginning of every Redis key of the gateway. */
    @WithDefault("gateway")
    String keyPrefix();

    Login login();

    interface Login {

        /** Failures for one username within {@link #window()} that lock it. */
        @WithDefault("5")
        int maxUserFailures();

        /** Failures from one address within {@link #window()} that lock it. */
        @WithDefault("20")
        int maxAddressFailures();

        @WithDefault("15m")
        Duration window();

        @WithDefault("15m")
        Duration lockout();

        /** Take the caller's address from X-Forwarded-For's first hop (only behind a proxy that sets it). */
        @WithDefault("false")
        boolean trustForwardedFor();
    }

    /**
     * The services the gateway forwards to, by name ({@code catalog}, {@code clients}, {@code orders},
     * {@code zoho-sync}): {@code tsh.gateway.services.<name>.url} and {@code .timeout}.
     */
    Map<String, Upstream> services();

    interface Upstream {

        /** Its base URL, e.g. {@code http://catalog-service:8081}. */
        String url();

        /** How long an answer may take before the caller gets 503 (the call counts as a failure for the breaker). */
        @WithDefault("5s")
        Duration timeout();
    }

    /**
     * Connections to each service, each carrying one request at a time: the most requests a service is given at once
     * by this gateway replica; more wait here, in order, for a free connection. 24: about a service's database pool
     * (catalog-service's is 30). With 200, 500 users on 2 cores pushed hundreds of requests into the services at once,
     * where they only contended for threads, connections and the CPU: half the throughput and five times the latency of
     * 24 (BENCHMARKS.md, gateway-load notes). Raise it with the services' replicas and pools.
     */
    @WithDefault("24")
    int connectionsPerService();

    /** The circuit breaker of each service: open after so many calls, most of them failed, for {@code delay}. */
    Breaker breaker();

    interface Breaker {

        /** The calls the failure ratio is taken over. */
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open before it lets a trial call through. */
        @WithDefault("5s")
        Duration delay();
    }

    /** Requests per user and per address within a window, counted in Redis for every replica together. */
    RateLimit rateLimit();

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests one signed-in user may make within {@link #window()}. */
        @WithDefault("600")
        int perUser();

        /** Requests from one address within {@link #window()}: a partner shop's phones may share one address. */
        @WithDefault("3000")
        int perAddress();

        @WithDefault("1m")
        Duration window();
    }

    /** A request slower than this is logged (method, path, status, time, request id). */
    @WithDefault("500ms")
    Duration slowRequest();
}
