package com.tsh.erp.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Caller;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The apps' routes to the services: {@code /api/v1/<service path>}, forwarded as sent (path, raw query, body,
 * {@code Authorization}, {@code Idempotency-Key}, the request id and the trace) to the service that owns it
 * ({@link RouteTable}), after the gateway's own checks: a valid access token (401), a role the route allows (403),
 * the shared rate limit ({@code RateLimit}, 429). The answer goes back as the service wrote it, with three
 * additions: {@code Location} under {@code /api/v1}; a weak {@code ETag} on catalog reads, and 304 when the caller's
 * {@code If-None-Match} has it; and the second ownership check ({@link RouteTable.Owned}).
 *
 * <p>These routes are described by each service's own OpenAPI document (the path there is the part after
 * {@code /api/v1}); the catch-all methods below are hidden from the gateway's document because a catch-all would
 * describe nothing. A stopped or slow service is 503 problem+json ({@link ServiceUnavailable}) for its routes only.
 */
@Path("/api/v1")
@Authenticated
public class ProxyResource {

    private static final Logger LOG = Logger.getLogger(ProxyResource.class);
    private static final String ROUTES = "{path: (products|categories|clients|salespeople|orders|sync)(/.*)?}";
    private static final String PREFIX = "/api/v1";

    @Inject
    Forwarder forwarder;

    @Inject
    ObjectMapper json;

    @GET
    @Path(ROUTES)
    @Operation(hidden = true)
    public CompletionStage<Response> get(@Context HttpServerRequest request, @Context SecurityContext security) {
        return forward("GET", request, security, null);
    }

    @POST
    @Path(ROUTES)
    @Operation(hidden = true)
    public CompletionStage<Response> post(@Context HttpServerRequest request, @Context SecurityContext security, byte[] body) {
        return forward("POST", request, security, body);
    }

    @PUT
    @Path(ROUTES)
    @Operation(hidden = true)
    public CompletionStage<Response> put(@Context HttpServerRequest request, @Context SecurityContext security, byte[] body) {
        return forward("PUT", request, security, body);
    }

    private CompletionStage<Response> forward(String method, HttpServerRequest request, SecurityContext security, byte[] body) {
        String path = request.path().substring(PREFIX.length());
        if (RouteTable.climbs(path)) {
            throw ApiException.badRequest("path", "a segment may not be . or .., nor hold an encoded dot, slash or backslash");
        }
        RouteTable.Route route = RouteTable.match(method, path);
        if (route == null) {
            java.util.List<String> allowed = RouteTable.methodsOf(path);
            if (!allowed.isEmpty()) {
                throw new ApiException(405, "method-not-allowed", "Method not allowed",
                        method + " is not allowed here; allowed: " + String.join(", ", allowed), null);
            }
            throw new ApiException(404, "not-found", "Not found", "no route " + method + " " + PREFIX + path, null);
        }
        Caller caller = Caller.of(security);
        if (!caller.hasAny(route.roles())) {
            throw new ApiException(403, "forbidden", "Forbidden", "your roles do not allow this", null);
        }
        Map<String, String> headers = Forwarder.passedHeaders(request, Forwarder.FORWARDED_HEADERS);
        String query = request.query();
        String target = query == null ? path : path + "?" + query;
        return forwarder.call(route.service(), method, target, headers, body)
                .handle((answer, failure) -> failure == null ? answer(route, caller, request, answer) : Forwarder.failed(request, failure));
    }

    /** A problem answer built here: the thread that completes a call has not the request's MDC. */
    static Response problem(HttpServerRequest request, int status, String kind, String title, String detail) {
        return Response.status(status).type(com.tsh.erp.defaults.Problem.MEDIA_TYPE).entity(new com.tsh.erp.defaults.Problem(
                com.tsh.erp.defaults.Problem.TYPE_PREFIX + kind, title, status, detail, request.path(),
                request.getHeader(com.tsh.erp.events.Correlation.REQUEST_ID_HEADER), null)).build();
    }

    private Response answer(RouteTable.Route route, Caller caller, HttpServerRequest request, Forwarder.Answer answer) {
        byte[] body = answer.body();
        if (answer.status() == 200 && route.owned() != RouteTable.Owned.NONE && caller.scope() != Caller.Scope.ALL) {
            body = owned(route, caller, body);
            if (body == null) {
                return problem(request, 404, "not-found", "Not found", "no such record");
            }
        }
        Response.ResponseBuilder r = Response.status(answer.status()).entity(body);
        String type = answer.header(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            r.header(HttpHeaders.CONTENT_TYPE, type);
        }
        String location = answer.header(HttpHeaders.LOCATION);
        if (location != null) {
            r.header(HttpHeaders.LOCATION, location.startsWith("/") ? PREFIX + location : location);
        }
        for (String passed : new String[] {HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE}) {
            String value = answer.header(passed);
            if (value != null) {
                r.header(passed, value);
            }
        }
        if (answer.status() == 200 && route.method().equals("GET") && route.service() == Upstream.CATALOG) {
            String etag = etag(body);
            if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                return Response.notModified().header(HttpHeaders.ETAG, etag).build();
            }
            r.header(HttpHeaders.ETAG, etag);
        }
        return r.build();
    }

    /** A weak validator of the answer's bytes: equal bytes, equal tag (weak, since the bytes may go out compressed). */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match's weak comparison: any listed tag, or {@code *}, equal to ours with or without {@code W/}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String ours = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer with only what the caller owns: null for an object that is not the caller's, a page without the
     * items that are not. The service should never answer either; each one is logged as an error.
     */
    private byte[] owned(RouteTable.Route route, Caller caller, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return body;
        }
        if (!route.list()) {
            return owns(route.owned(), caller, tree) ? body : refused(route, tree);
        }
        if (!(tree.get("items") instanceof ArrayNode items)) {
            return body;
        }
        boolean dropped = false;
        for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (!owns(route.owned(), caller, item)) {
                refused(route, item);
                it.remove();
                dropped = true;
            }
        }
        try {
            return dropped ? json.writeValueAsBytes((ObjectNode) tree) : body;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] refused(RouteTable.Route route, JsonNode object) {
        LOG.errorf("%s answered %s %s with a record outside the caller's scope (id %s); the gateway withheld it",
                route.service().key(), route.method(), route.template(), object.path("id").asText());
        return null;
    }

    /** Whether the caller owns this client ({@code id}, {@code salesperson_id}) or order ({@code client_id}, {@code salesperson_id}). */
    static boolean owns(RouteTable.Owned owned, Caller caller, JsonNode object) {
        return switch (caller.scope()) {
            case ALL -> true;
            case SALESPERSON -> object.path("salesperson_id").isIntegralNumber()
                    && object.path("salesperson_id").asLong() == caller.ownSalesperson();
            case CLIENT -> {
                JsonNode client = owned == RouteTable.Owned.CLIENT ? object.path("id") : object.path("client_id");
                yield client.isIntegralNumber() && client.asLong() == caller.ownClient();
            }
            case NONE -> false;
        };
    }
}
