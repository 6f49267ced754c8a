package com.tsh.erp.defaults;

import com.tsh.erp.events.Correlation;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives every request an id and a W3C trace context: taken from the {@code X-Request-Id} and
 * {@code traceparent} headers when the caller sent valid ones, made here otherwise. Both are
 * echoed on the response, put into the logging MDC (so every log line and the access log carry
 * them), copied into outgoing calls ({@link OutgoingCorrelation}) and into events (the outbox).
 */
@ApplicationScoped
public class RequestCorrelation {

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern VALID_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Runs first on the HTTP layer, for every route (REST, health, metrics alike). */
    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            String requestId = request.getHeader(Correlation.REQUEST_ID_HEADER);
            if (requestId == null || !VALID_ID.matcher(requestId).matches()) {
                requestId = UUID.randomUUID().toString();
                request.headers().set(Correlation.REQUEST_ID_HEADER, requestId);
            }
            String traceparent = request.getHeader(Correlation.TRACEPARENT_HEADER);
            if (traceparent == null || !VALID_TRACEPARENT.matcher(traceparent).matches()) {
                traceparent = newTraceparent();
                request.headers().set(Correlation.TRACEPARENT_HEADER, traceparent);
            }
            rc.response().putHeader(Correlation.REQUEST_ID_HEADER, requestId);
            rc.response().putHeader(Correlation.TRACEPARENT_HEADER, traceparent);
            MDC.put(Correlation.REQUEST_ID, requestId);
            MDC.put(Correlation.TRACEPARENT, traceparent);
            rc.next();
        }, 1000);
    }

    /** The same values on the thread that runs the resource method. */
    @ServerRequestFilter(preMatching = true)
    public void toMdc(ContainerRequestContext request) {
        String requestId = request.getHeaderString(Correlation.REQUEST_ID_HEADER);
        String traceparent = request.getHeaderString(Correlation.TRACEPARENT_HEADER);
        if (requestId != null) {
            MDC.put(Correlation.REQUEST_ID, requestId);
        }
        if (traceparent != null) {
            MDC.put(Correlation.TRACEPARENT, traceparent);
        }
    }

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
