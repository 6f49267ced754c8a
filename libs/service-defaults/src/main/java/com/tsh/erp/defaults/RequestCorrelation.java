package com.tsh.erp.defaults;

import com.tsh.erp.events.Correlation;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives every request an id: taken from the {@code X-Request-Id} header when the caller sent a valid
 * one, made here otherwise. It is echoed on the response, put into the logging MDC (so every log
 * line and the access log carry it), copied into outgoing calls ({@link OutgoingCorrelation}) and
 * into events (the outbox).
 *
 * <p>The trace is not handled here: OpenTelemetry's server instrumentation continues an incoming
 * W3C {@code traceparent} (or starts a trace) and puts {@code traceId} and {@code spanId} into the
 * MDC; the request id is the support handle a caller can quote, the trace is for the tracing backend.
 */
@ApplicationScoped
public class RequestCorrelation {

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Runs first on the HTTP layer, for every route (REST, health, metrics alike). */
    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            String requestId = request.getHeader(Correlation.REQUEST_ID_HEADER);
            if (requestId == null || !VALID_ID.matcher(requestId).matches()) {
                requestId = UUID.randomUUID().toString();
                request.headers().set(Correlation.REQUEST_ID_HEADER, requestId);
            }
            rc.response().putHeader(Correlation.REQUEST_ID_HEADER, requestId);
            MDC.put(Correlation.REQUEST_ID, requestId);
            rc.next();
        }, 1000);
    }

    /** The same id on the thread that runs the resource method. */
    @ServerRequestFilter(preMatching = true)
    public void toMdc(ContainerRequestContext request) {
        String requestId = request.getHeaderString(Correlation.REQUEST_ID_HEADER);
        if (requestId != null) {
            MDC.put(Correlation.REQUEST_ID, requestId);
        }
    }
}
