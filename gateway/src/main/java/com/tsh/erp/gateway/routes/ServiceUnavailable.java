package com.tsh.erp.gateway.routes;

import com.tsh.erp.defaults.Problem;
import com.tsh.erp.events.Correlation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service the request needs did not answer in time, refused the connection, or its circuit breaker is open:
 * 503 problem+json naming the service, with {@code Retry-After}. Never a bare 500: the caller learns which part of
 * the system is down and that trying again later is right (an order placed with an {@code Idempotency-Key} may be
 * sent again safely).
 */
public final class ServiceUnavailable extends RuntimeException {

    private final Upstream service;
    private final long retryAfterSeconds;

    public ServiceUnavailable(Upstream service, String why, long retryAfterSeconds) {
        super(service.key() + " is unavailable: " + why, null, false, false);
        this.service = service;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Upstream service() {
        return service;
    }

    /** The answer, for a request whose failure arrives on a thread without the request's MDC. */
    public Response response(String path, String requestId) {
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "service-unavailable", "Service unavailable", 503, getMessage(), path,
                        requestId, null))
                .build();
    }

    /** The JAX-RS answer. */
    public static final class Mapper {

        @ServerExceptionMapper
        public Response map(ServiceUnavailable e, UriInfo uri) {
            Object requestId = MDC.get(Correlation.REQUEST_ID);
            return e.response(uri.getPath(), requestId == null ? null : requestId.toString());
        }
    }
}
