package com.tsh.erp.gateway.routes;

import com.tsh.erp.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Calls a service for the gateway: Vert.x's web client (HTTP/1.1, kept-alive connections, non-blocking, on the calling
 * request's event loop), a timeout per service, and a circuit breaker per service (SmallRye Fault Tolerance's
 * programmatic {@link TypedGuard}).
 *
 * <p>A call fails, for the breaker, when it times out, cannot connect, or the service answers 5xx. While a
 * service's breaker is open its calls fail at once instead of each waiting for the timeout, so a stopped service
 * costs the other routes nothing. Every failure reaches the caller as {@link ServiceUnavailable} (503), except a 5xx
 * the service itself answered, which goes back as the service wrote it. Nothing is retried here: a retry of a write
 * is the caller's decision (with an {@code Idempotency-Key}), and a retry of a read on a struggling service only adds
 * load to it.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** The request headers a service may need; everything else (cookies, hop-by-hop headers) stays at the gateway. */
    public static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
            "Idempotency-Key", "X-Request-Id", "traceparent", "tracestate");

    /** What the service answered. */
    public record Answer(int status, io.vertx.core.MultiMap headers, byte[] body) {

        /** The header's first value (names in any case), or null. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A 5xx the service answered: a failure for the breaker, handed on to the caller as it is. */
    private static final class ServerError extends RuntimeException {
        final Answer answer;

        ServerError(Answer answer) {
            super("answered " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }

    @Inject
    GatewayConfig config;

    /** The caller's headers a composed call passes on (its token, language, request id and trace). */
    public static Map<String, String> passedHeaders(io.vertx.core.http.HttpServerRequest request, List<String> names) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : names) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** The answer to a call that failed: 503 for {@link ServiceUnavailable}, else a 500 problem (logged). */
    public static jakarta.ws.rs.core.Response failed(io.vertx.core.http.HttpServerRequest request, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ServiceUnavailable e) {
            return e.response(request.path(), request.getHeader(com.tsh.erp.events.Correlation.REQUEST_ID_HEADER));
        }
        LOG.errorf(cause, "%s %s failed", request.method(), request.path());
        return ProxyResource.problem(request, 500, "internal-error", "Internal error",
                "the request could not be completed; quote the request id when reporting it");
    }

    @Inject
    Vertx vertx;

    private WebClient http;
    private final Map<Upstream, TypedGuard<CompletionStage<Answer>>> guards = new EnumMap<>(Upstream.class);

    @PostConstruct
    void guards() {
        // tsh.gateway.connections-per-service connections to each service (a replica of it), kept alive; no redirects followed
        http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(config.connectionsPerService())
                .setConnectTimeout(2000)
                .setFollowRedirects(false).setTryUseCompression(false));
        GatewayConfig.Breaker b = config.breaker();
        for (Upstream u : Upstream.values()) {
            guards.put(u, TypedGuard.create(new TypeLiteral<CompletionStage<Answer>>() {
                    })
                    .withDescription("gateway -> " + u.key())
                    .withCircuitBreaker().name("gateway-" + u.key()).requestVolumeThreshold(b.requestVolume())
                    .failureRatio(b.failureRatio()).delay(b.delay().toMillis(), ChronoUnit.MILLIS)
                    .onStateChange(state -> LOG.warnf("circuit breaker of %s: %s", u.key(), state)).done()
                    .withThreadOffload(false)
                    .build());
        }
    }

    private GatewayConfig.Upstream settings(Upstream service) {
        GatewayConfig.Upstream s = config.services().get(service.key());
        if (s == null) {
            throw new IllegalStateException("tsh.gateway.services." + service.key() + ".url is not set");
        }
        return s;
    }

    /**
     * Sends a request to a service. {@code pathAndQuery} is the service's path with the raw query, as the caller sent
     * it; {@code headers} are the caller's headers of {@link #FORWARDED_HEADERS} that it sent.
     */
    public CompletionStage<Answer> call(Upstream service, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        GatewayConfig.Upstream s = settings(service);
        HttpRequest<Buffer> request = http.requestAbs(HttpMethod.valueOf(method), s.url() + pathAndQuery).timeout(s.timeout().toMillis());
        headers.forEach(request::putHeader);
        CompletionStage<Answer> guarded = guards.get(service).get(() -> (body == null || body.length == 0 ? request.send()
                : request.sendBuffer(Buffer.buffer(body))).toCompletionStage().thenApply(r -> {
                    Buffer b = r.body();
                    Answer a = new Answer(r.statusCode(), r.headers(), b == null ? new byte[0] : b.getBytes());
                    if (a.status() >= 500) {
                        throw new ServerError(a);
                    }
                    return a;
                }));
        return guarded.exceptionallyCompose(failure -> unwrap(failure) instanceof ServerError e ? CompletableFuture.completedFuture(e.answer)
                : CompletableFuture.failedFuture(unavailable(service, unwrap(failure), s.timeout())));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private ServiceUnavailable unavailable(Upstream service, Throwable cause, Duration timeout) {
        if (cause instanceof CircuitBreakerOpenException) {
            return new ServiceUnavailable(service, "too many of its recent calls failed; calls are paused for a few seconds",
                    Math.max(1, config.breaker().delay().toSeconds()));
        }
        if (cause instanceof TimeoutException || String.valueOf(cause.getMessage()).contains("timeout")) {
            LOG.warnf("%s did not answer within %d ms", service.key(), timeout.toMillis());
            return new ServiceUnavailable(service, "it did not answer within " + timeout.toMillis() + " ms", 1);
        }
        LOG.warnf("%s cannot be reached: %s", service.key(), cause.toString());
        return new ServiceUnavailable(service, "it cannot be reached", 1);
    }
}
