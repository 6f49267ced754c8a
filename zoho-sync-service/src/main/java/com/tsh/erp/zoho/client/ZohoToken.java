package com.tsh.erp.zoho.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.zoho.config.ZohoConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One Zoho access token for every replica, kept in Redis. A caller takes the cached token; when it
 * has less than {@code token-refresh-before} left (or a call was answered 401 with it), one replica
 * refreshes it under a Redis lock while the others wait for the new one. The refresh token and the
 * client secret are read from the configuration, which takes them from the environment only.
 */
@ApplicationScoped
public class ZohoToken {

    private static final Logger LOG = Logger.getLogger(ZohoToken.class);
    private static final Duration LOCK_TTL = Duration.ofSeconds(30);
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    /** Drops the cached token only if it is still the one that was refused (another replica may have refreshed). */
    private static final String INVALIDATE = "local v = redis.call('GET', KEYS[1]) if v and string.find(v, ARGV[1], 1, true) == 1 then return redis.call('DEL', KEYS[1]) end return 0";

    @Inject
    RedisDataSource redis;
    @Inject
    ZohoConfig config;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong refreshes = new AtomicLong();
    private ValueCommands<String, String> values;
    private String tokenKey;
    private String lockKey;

    @PostConstruct
    void init() {
        values = redis.value(String.class);
        tokenKey = config.redisPrefix() + ":token";
        lockKey = config.redisPrefix() + ":token:lock";
    }

    /** A token with its expiry, stored as {@code <token> <expiry epoch ms>}. */
    public record Token(String value, Instant expiresAt) {
        static Token parse(String stored) {
            if (stored == null) {
                return null;
            }
            int space = stored.lastIndexOf(' ');
            return new Token(stored.substring(0, space), Instant.ofEpochMilli(Long.parseLong(stored.substring(space + 1))));
        }
    }

    /** The current token, refreshed first when it is missing or about to expire. */
    public String current() throws InterruptedException {
        Token t = Token.parse(values.get(tokenKey));
        if (t != null && Instant.now().plus(config.tokenRefreshBefore()).isBefore(t.expiresAt())) {
            return t.value();
        }
        return refresh(t == null ? null : t.value());
    }

    /** Zoho refused this token (401): forget it unless another replica already replaced it. */
    public void refused(String token) {
        redis.execute("EVAL", INVALIDATE, "1", tokenKey, token + " ");
    }

    /** The cached token, if any, for the status page (never its value). */
    public Token peek() {
        return Token.parse(values.get(tokenKey));
    }

    public long refreshes() {
        return refreshes.get();
    }

    private String refresh(String stale) throws InterruptedException {
        String me = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + LOCK_TTL.toNanos();
        while (System.nanoTime() < deadline) {
            Token t = Token.parse(values.get(tokenKey));
            if (t != null && !t.value().equals(stale) && Instant.now().isBefore(t.expiresAt())) {
                return t.value(); // another replica refreshed it meanwhile
            }
            if (values.setnx(lockKey, me)) {
                redis.key().pexpire(lockKey, LOCK_TTL.toMillis());
                try {
                    t = Token.parse(values.get(tokenKey)); // refreshed between our read and the lock?
                    if (t != null && !t.value().equals(stale) && Instant.now().plus(config.tokenRefreshBefore()).isBefore(t.expiresAt())) {
                        return t.value();
                    }
                    Token fresh = fetch();
                    long ttl = Duration.between(Instant.now(), fresh.expiresAt()).toMillis();
                    values.set(tokenKey, fresh.value() + " " + fresh.expiresAt().toEpochMilli(), new SetArgs().px(Math.max(ttl, 1)));
                    return fresh.value();
                } finally {
                    redis.execute("EVAL", RELEASE, "1", lockKey, me);
                }
            }
            Thread.sleep(100);
        }
        throw new ZohoException.Transient(0, "no Zoho access token: the refresh by another replica did not finish in " + LOCK_TTL);
    }

    private Token fetch() throws InterruptedException {
        String form = "grant_type=refresh_token&refresh_token=" + enc(config.refreshToken()) + "&client_id=" + enc(config.clientId())
                + "&client_secret=" + enc(config.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.accountsUrl() + "/oauth/v2/token"))
                .timeout(config.callTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ZohoException.Transient(0, "token refresh failed: " + e);
        }
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (IOException e) {
            throw new ZohoException.Transient(answer.statusCode(), "token refresh answered " + answer.statusCode() + " without JSON");
        }
        if (answer.statusCode() >= 500) {
            throw new ZohoException.Transient(answer.statusCode(), "token refresh answered " + answer.statusCode());
        }
        if (answer.statusCode() != 200 || body.hasNonNull("error") || !body.hasNonNull("access_token")) {
            // a wrong refresh token or client: nothing this service can fix by itself; every push waits
            LOG.errorf("Zoho refused the token refresh (%d): %s", answer.statusCode(), body.path("error").asText("no access_token"));
            throw new ZohoException.Transient(answer.statusCode(), "Zoho refused the token refresh: " + body.path("error").asText("no access_token"));
        }
        refreshes.incrementAndGet();
        long expiresIn = body.path("expires_in").asLong(3600);
        LOG.infof("Zoho access token refreshed; it expires in %d s", expiresIn);
        return new Token(body.get("access_token").asText(), Instant.now().plusSeconds(expiresIn));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
