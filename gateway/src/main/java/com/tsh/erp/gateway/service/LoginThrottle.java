package com.tsh.erp.gateway.service;

import com.tsh.erp.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Failed sign-ins, counted in Redis so that every replica sees the same counts: per username (any case) and per
 * client address, each in a window ({@code tsh.gateway.login.window}) that starts with its first failure. At
 * {@code max-user-failures} (5) for a name or {@code max-address-failures} (20) for an address, that name or
 * address is locked for {@code lockout} (15 min): every sign-in with it, right password or not, is 429 with
 * {@code Retry-After}. A name is counted whether or not such a user exists, so the lock tells nothing either.
 * A successful sign-in clears its name's count (not its address's: one address may try many names).
 */
@ApplicationScoped
public class LoginThrottle {

    /** Thrown while a name or address is locked. */
    public static final class Locked extends RuntimeException {
        private final long retryAfterSeconds;

        Locked(long retryAfterSeconds) {
            super("too many failed sign-ins; try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Inject
    GatewayConfig config;

    private final ValueCommands<String, Long> counts;
    private final ValueCommands<String, String> locks;
    private final KeyCommands<String> keys;

    @Inject
    public LoginThrottle(RedisDataSource redis) {
        this.counts = redis.value(Long.class);
        this.locks = redis.value(String.class);
        this.keys = redis.key();
    }

    /** Throws {@link Locked} when the name or the address is locked now. */
    public void checkOpen(String username, String address) {
        OptionalLong wait = lockedFor(key("lock:user:", user(username)));
        if (wait.isEmpty()) {
            wait = lockedFor(key("lock:addr:", address));
        }
        if (wait.isPresent()) {
            throw new Locked(wait.getAsLong());
        }
    }

    /** Counts a failure for both; locks whichever reached its limit. */
    public void failed(String username, String address) {
        count(user(username), "user:", config.login().maxUserFailures());
        count(address, "addr:", config.login().maxAddressFailures());
    }

    public void succeeded(String username) {
        keys.del(key("fail:user:", user(username)));
    }

    private void count(String who, String kind, int limit) {
        String failKey = key("fail:" + kind, who);
        long n = counts.incr(failKey);
        if (n == 1) {
            keys.expire(failKey, config.login().window());
        }
        if (n >= limit) {
            locks.set(key("lock:" + kind, who), "1", new SetArgs().ex(config.login().lockout()));
            keys.del(failKey);
        }
    }

    private OptionalLong lockedFor(String lockKey) {
        long ttl;
        try {
            ttl = keys.ttl(lockKey);
        } catch (RedisKeyNotFoundException e) { // not locked (the client says so with an exception)
            return OptionalLong.empty();
        }
        return ttl > 0 ? OptionalLong.of(ttl) : ttl == -1 ? OptionalLong.of(config.login().lockout().toSeconds()) : OptionalLong.empty();
    }

    /** Names are compared in lower case; hex keeps any character out of the key's syntax. */
    private static String user(String username) {
        return HexFormat.of().formatHex(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private String key(String kind, String who) {
        return config.keyPrefix() + ":login:" + kind + who;
    }
}
