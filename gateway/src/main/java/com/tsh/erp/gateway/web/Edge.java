package com.tsh.erp.gateway.web;

import com.tsh.erp.events.Correlation;
import com.tsh.erp.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What every answer of the gateway gets, on the HTTP layer (REST, health and metrics alike):
 * <ul>
 * <li>{@code X-Process-Time}: the seconds from the request's arrival to its answer's headers, four decimals
 * ({@code 0.0042}), the header the apps already read from the old stack;</li>
 * <li>a log line for every request slower than {@code tsh.gateway.slow-request} (method, path without its query,
 * status, milliseconds; the request id is in the line's MDC);</li>
 * <li>GZIP only above 1 KB: Vert.x compresses every answer of a listed type when the caller accepts gzip
 * ({@code quarkus.http.enable-compression}), and has no size threshold, so an answer whose length is known and under
 * 1,024 bytes is marked {@code Content-Encoding: identity}, which Vert.x leaves alone. Compressing a few hundred
 * bytes costs more time on both ends than it saves on the wire.</li>
 * </ul>
 */
@ApplicationScoped
public class Edge {

    private static final Logger LOG = Logger.getLogger("com.tsh.erp.gateway.slow");
    public static final String PROCESS_TIME = "X-Process-Time";
    static final int GZIP_THRESHOLD = 1024;

    @Inject
    GatewayConfig config;

    /** After RequestCorrelation (1000): the request id is in the MDC by then. */
    void register(@Observes Filters filters) {
        long slowNanos = config.slowRequest().toNanos();
        filters.register(rc -> {
            long start = System.nanoTime();
            HttpServerResponse response = rc.response();
            rc.addHeadersEndHandler(v -> {
                response.putHeader(PROCESS_TIME, String.format(Locale.ROOT, "%.4f", (System.nanoTime() - start) / 1e9));
                String length = response.headers().get(HttpHeaders.CONTENT_LENGTH);
                if (length != null && !response.headers().contains(HttpHeaders.CONTENT_ENCODING)) {
                    try {
                        if (Long.parseLong(length) < GZIP_THRESHOLD) {
                            response.putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                        }
                    } catch (NumberFormatException ignored) {
                        // not ours to judge
                    }
                }
            });
            String method = rc.request().method().name();
            String path = rc.request().path();
            String requestId = rc.request().getHeader(Correlation.REQUEST_ID_HEADER);
            rc.addEndHandler(v -> {
                long took = System.nanoTime() - start;
                if (took > slowNanos) {
                    LOG.warnf("slow request: %s %s -> %d in %d ms (request id %s)", method, path, response.getStatusCode(),
                            took / 1_000_000, requestId);
                }
            });
            rc.next();
        }, 900);
    }
}
