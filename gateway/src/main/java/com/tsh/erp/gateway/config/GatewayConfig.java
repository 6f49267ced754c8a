package com.tsh.erp.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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
}
