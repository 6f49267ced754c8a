package com.tsh.erp.defaults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.events.Correlation;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers refused before any resource runs (a URL or headers too long, a body too large, a failure
 * on the router) as problem+json with the request id, like every other error.
 *
 * <p>Netty's HTTP decoder refuses an over-long request line or header block itself and Vert.x then
 * answers 414 or 431 with an empty body, with no hook for the application. So the decoder's limits
 * are set high ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size} in the
 * service defaults: a backstop against abuse), and the limits a client meets are enforced here, on
 * the router, with a proper answer: {@code tsh.http.max-uri-length} (4,096 characters: Quarkus's own
 * default request line) and {@code tsh.http.max-header-bytes} (20 KiB: Quarkus's own default header
 * block). What the decoder itself refuses still gets its bare answer (status, empty body, connection
 * closed): a request beyond the backstop, and a request line whose percent-encoding is broken
 * ({@code /products/%zz}), which Netty's request parser rejects before Vert.x sees a request. Vert.x
 * has a hook for those ({@code HttpServer.invalidRequestHandler}), but Quarkus creates the server and
 * does not expose it.
 *
 * <p>A body larger than {@code quarkus.http.limits.max-body-size} announced by its Content-Length is
 * refused here (413) before a byte of it is read; Quarkus's own check, later in the chain, stays for
 * chunked bodies. Anything that fails on the router outside the REST layer (a chunked body past the
 * limit, a failing handler) is turned into a problem by the failure handler.
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    private static final String ANSWERED_HERE = "tsh.edge.answered";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tsh.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;
    @ConfigProperty(name = "tsh.http.max-header-bytes", defaultValue = "20K")
    MemorySize maxHeaderBytes;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    /** After {@link RequestCorrelation} (so the id exists), before Quarkus's body-size check. */
    void limits(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            if (request.uri().length() > maxUriLength) {
                answer(rc, 414, "uri-too-long", "URI Too Long", "the URL has " + request.uri().length()
                        + " characters; at most " + maxUriLength + " are accepted (send long lists in a body)", false);
                return;
            }
            long headerBytes = 0;
            for (Map.Entry<String, String> header : request.headers()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 4;
            }
            if (headerBytes > maxHeaderBytes.asLongValue()) {
                answer(rc, 431, "headers-too-large", "Request Header Fields Too Large", "the headers take " + headerBytes
                        + " bytes; at most " + maxHeaderBytes.asLongValue() + " are accepted", false);
                return;
            }
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                answer(rc, 413, "body-too-large", "Content Too Large", "the body has " + length + " bytes; at most "
                        + maxBodySize.asLongValue() + " are accepted", true);
                return;
            }
            rc.next();
        }, 900);
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // the HTTP decoder has already refused a malformed Content-Length
        }
    }

    /**
     * What fails on the router outside the REST layer still gets a problem: first among the failure
     * handlers, and as the router's error handler for failures no route can even be matched for (a
     * path whose percent-encoding cannot be decoded fails while the routing context is made).
     */
    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        for (int status : new int[] {400, 413, 414, 431, 500}) {
            router.errorHandler(status, this::failed);
        }
    }

    private void failed(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten() || rc.get(ANSWERED_HERE) != null) {
            if (!response.ended() && rc.currentRoute() != null) {
                rc.next();
            }
            return;
        }
        int status = rc.statusCode() >= 400 && rc.statusCode() < 600 ? rc.statusCode() : 500;
        switch (status) {
            case 400 -> answer(rc, 400, "malformed-request", "Bad Request",
                    "the request could not be read (for example a broken percent-encoding in the URL)", false);
            case 413 -> answer(rc, 413, "body-too-large", "Content Too Large", "the body is larger than the "
                    + maxBodySize.asLongValue() + " bytes accepted", true);
            default -> {
                if (status >= 500) {
                    LOG.errorf(rc.failure(), "%s failed outside the REST layer", rc.request().path());
                    answer(rc, 500, "internal-error", "Internal error",
                            "the request could not be completed; quote the request id when reporting it", false);
                } else {
                    answer(rc, status, "http-" + status, "Error", "the request was refused (HTTP " + status + ")", false);
                }
            }
        }
    }

    private void answer(RoutingContext rc, int status, String kind, String title, String detail, boolean close) {
        rc.put(ANSWERED_HERE, Boolean.TRUE);
        String requestId = rc.request().getHeader(Correlation.REQUEST_ID_HEADER);
        if (requestId == null) { // refused before RequestCorrelation ran
            requestId = UUID.randomUUID().toString();
        }
        String path;
        try {
            path = rc.request().path();
        } catch (RuntimeException e) {
            path = null;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(new Problem(Problem.TYPE_PREFIX + kind, title, status, detail, path, requestId, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse response = rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Correlation.REQUEST_ID_HEADER, requestId);
        if (close) { // the body was not read: the connection cannot carry another request
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
