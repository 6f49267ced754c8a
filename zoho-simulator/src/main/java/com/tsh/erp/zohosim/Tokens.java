package com.tsh.erp.zohosim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zoho's OAuth: a refresh token traded for access tokens ({@code POST /oauth/v2/token}). Every refresh issues
 * a new token; earlier ones stay valid until their own expiry, as at Zoho.
 */
@ApplicationScoped
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SimSettings settings;

    /** access token → expiry (epoch millis) */
    private final Map<String, Long> issued = new ConcurrentHashMap<>();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** A new access token, or null when the client or refresh token is wrong. */
    public String refresh(String grantType, String clientId, String clientSecret, String refreshToken, long now) {
        if (!"refresh_token".equals(grantType) || !settings.clientId().equals(clientId)
                || !settings.clientSecret().equals(clientSecret) || !settings.refreshToken().equals(refreshToken)) {
            refused.incrementAndGet();
            return null;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "1000." + HexFormat.of().formatHex(bytes);
        issued.put(token, now + settings.tokenTtl().toMillis());
        issued.values().removeIf(expiry -> expiry <= now - 86_400_000L);
        refreshes.incrementAndGet();
        return token;
    }

    public boolean valid(String token, long now) {
        Long expiry = token == null ? null : issued.get(token);
        return expiry != null && expiry > now;
    }

    /** Every token issued so far expires now. */
    public void expireAll(long now) {
        issued.replaceAll((token, expiry) -> Math.min(expiry, now));
    }

    public long refreshes() {
        return refreshes.get();
    }

    public long refused() {
        return refused.get();
    }

    public long active(long now) {
        return issued.values().stream().filter(e -> e > now).count();
    }

    /** The counters to zero; tokens stay valid (a client's token survives a reset of the data). */
    public void resetCounters() {
        refreshes.set(0);
        refused.set(0);
    }
}
