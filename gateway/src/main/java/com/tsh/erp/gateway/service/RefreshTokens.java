package com.tsh.erp.gateway.service;

import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: 32 random bytes (base64url), of which only the SHA-256 is stored. A family is one sign-in:
 * each refresh marks its token used and adds the next one to the family.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token row, locked by {@link #lock}. */
    public record Held(long id, UUID familyId, long userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    @Inject
    Sql sql;
    @Inject
    GatewayConfig config;

    /** A new token of the family (a new family for a sign-in); the token itself, never stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(long userId, UUID familyId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sql.update("insert into refresh_token (token_hash, family_id, user_id, expires_at) values (:h, :f, :u, :e)",
                Params.of("h", hash(token)).and("f", familyId).and("u", userId).and("e", Instant.now().plus(config.refreshTokenTtl())));
        return token;
    }

    /** The token's row under a row lock (so two refreshes with one token take turns), if it exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Held> lock(String token) {
        return sql.one("select id, family_id, user_id, expires_at, used_at, revoked_at from refresh_token where token_hash = :h for update",
                Params.of("h", hash(token)), r -> new Held(r.getLong("id"), UUID.fromString(r.getString("family_id")), r.getLong("user_id"),
                        r.getInstant("expires_at"), r.getInstant("used_at"), r.getInstant("revoked_at")));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markUsed(long id) {
        sql.update("update refresh_token set used_at = now() where id = :id", Params.of("id", id));
    }

    /** Revokes every token of the family (a logout, or a used token shown again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeFamily(UUID familyId) {
        return sql.update("update refresh_token set revoked_at = now() where family_id = :f and revoked_at is null", Params.of("f", familyId));
    }

    /** Revokes every token of the user (a password change, a reset, a deactivation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeUser(long userId) {
        return sql.update("update refresh_token set revoked_at = now() where user_id = :u and revoked_at is null", Params.of("u", userId));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
