package com.tsh.erp.gateway.service;

import com.tsh.erp.gateway.config.GatewayConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;

/**
 * Access tokens: RS256 JWTs signed with the key of {@code smallrye.jwt.sign.key.location} (or {@code smallrye.jwt.sign.key}),
 * the contract every service verifies with the public key: {@code iss} = {@code tsh.gateway.issuer}, {@code sub} = the user id,
 * {@code upn} = the username, {@code groups} = the roles, {@code salesperson_id} / {@code client_id} when the user has one.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    GatewayConfig config;

    public String sign(UserView user) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(Long.toString(user.id()))
                .upn(user.username())
                .groups(new HashSet<>(user.roles()))
                .expiresIn(config.accessTokenTtl());
        if (user.salespersonId() != null) {
            claims.claim("salesperson_id", user.salespersonId());
        }
        if (user.clientId() != null) {
            claims.claim("client_id", user.clientId());
        }
        return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }

    public long ttlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
