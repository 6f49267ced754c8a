package com.tsh.erp.gateway.web;

import com.tsh.erp.defaults.Problem;
import com.tsh.erp.events.Correlation;
import com.tsh.erp.gateway.api.ClientAddress;
import com.tsh.erp.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A limit of requests per signed-in user and per address, shared by every gateway replica: fixed windows counted in
 * Redis ({@code tsh.gateway.rate-limit.*}, by default 600 a minute per user and 3,000 per address). Past either,
 * 429 problem+json with {@code Retry-After} (the seconds to the window's end), and the request reaches no service.
 *
 * <p>Both counters move in one round trip (a Lua script: INCR, and PEXPIRE on a new key), so replicas never race.
 * The user is the verified token's subject: the token is checked here once, and the route's own security check reuses
 * that result, so a forged token counts against its address only. When Redis cannot be reached the request goes on
 * (logged): the limit protects the services from one runaway app; refusing everyone while Redis restarts would do
 * more harm than the limit prevents.
 */
@ApplicationScoped
public class RateLimit {

    private static final Logger LOG = Logger.getLogger(RateLimit.class);
    private static final String SCRIPT = """
            local out = {}
            for i, k in ipairs(KEYS) do
              local n = redis.call('INCR', k)
              if n == 1 then redis.call('PEXPIRE', k, ARGV[1]) end
              out[i] = n
            end
            return out""";

    @Inject
    GatewayConfig config;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ClientAddress addresses;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return Uni.createFrom().nullItem();
        }
        long windowMillis = limits.window().toMillis();
        long now = System.currentTimeMillis();
        long window = now / windowMillis;
        long retryAfter = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
        String address = addresses.of(http);
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .chain(identity -> {
                    String user = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
                    List<String> args = new ArrayList<>();
                    args.add(SCRIPT);
                    args.add(user == null ? "1" : "2");
                    args.add(config.keyPrefix() + ":rl:addr:" + address + ":" + window);
                    if (user != null) {
                        args.add(config.keyPrefix() + ":rl:user:" + subject(identity, user) + ":" + window);
                    }
                    args.add(Long.toString(windowMillis + 1000));
                    return redis.execute("EVAL", args.toArray(String[]::new)).map(counts -> {
                        if (counts.get(0).toLong() > limits.perAddress()) {
                            return tooMany(request, retryAfter, "this address made more than " + limits.perAddress() + " requests");
                        }
                        if (user != null && counts.get(1).toLong() > limits.perUser()) {
                            return tooMany(request, retryAfter, "you made more than " + limits.perUser() + " requests");
                        }
                        return (Response) null;
                    });
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("rate limit not checked, Redis failed: %s", failure.toString());
                    return null;
                });
    }

    private static String subject(SecurityIdentity identity, String fallback) {
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return fallback;
    }

    private static Response tooMany(ContainerRequestContext request, long retryAfter, String why) {
        Object requestId = request.getHeaderString(Correlation.REQUEST_ID_HEADER);
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, retryAfter).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "rate-limited", "Too many requests", 429,
                        why + " in this window; try again in " + retryAfter + " s", request.getUriInfo().getPath(),
                        requestId == null ? null : requestId.toString(), null))
                .build();
    }
}
