package com.tsh.erp.gateway.api;

import com.tsh.erp.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The caller's address for the sign-in throttle: the connection's, unless {@code tsh.gateway.login.trust-forwarded-for}
 * says a proxy in front sets X-Forwarded-For (anyone can send that header, so it is not believed by default).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    GatewayConfig config;

    public String of(HttpServerRequest request) {
        if (config.login().trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",", 2)[0].trim();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
