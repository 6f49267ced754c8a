package com.tsh.erp.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.defaults.ApiException;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A service's background jobs at {@code /api/v1/jobs/{id}} (state and progress), {@code .../cancel} and
 * {@code .../result} (the file). A job's id starts with the name of the service that holds it
 * ({@code catalog-service-<uuid>}), so the gateway knows where to send the call without keeping anything. The
 * services decide who sees a job (its starter, admins, managers); the result's {@code url} is rewritten to the
 * gateway's path, as {@code Location} is for every route.
 */
@Path("/api/v1/jobs")
@Authenticated
public class JobsProxyResource {

    static final String ID = "[a-z0-9-]{1,100}";
    private static final String PREFIX = "/api/v1";
    private static final Map<String, Upstream> BY_PREFIX = Map.of(
            "catalog-service-", Upstream.CATALOG,
            "client-service-", Upstream.CLIENTS,
            "order-service-", Upstream.ORDERS,
            "zoho-sync-service-", Upstream.ZOHO_SYNC);

    @Inject
    Forwarder forwarder;
    @Inject
    ObjectMapper json;

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public CompletionStage<Response> get(@PathParam("id") @Pattern(regexp = ID) String id, @Context HttpServerRequest request) {
        return forward("GET", id, "", request);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(hidden = true)
    public CompletionStage<Response> cancel(@PathParam("id") @Pattern(regexp = ID) String id, @Context HttpServerRequest request) {
        return forward("POST", id, "/cancel", request);
    }

    @GET
    @Path("/{id}/result")
    @Operation(hidden = true)
    public CompletionStage<Response> result(@PathParam("id") @Pattern(regexp = ID) String id, @Context HttpServerRequest request) {
        return forward("GET", id, "/result", request);
    }

    static Upstream upstream(String id) {
        return BY_PREFIX.entrySet().stream().filter(e -> id.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> ApiException.notFound("job", id));
    }

    private CompletionStage<Response> forward(String method, String id, String rest, HttpServerRequest request) {
        Upstream service = upstream(id);
        Map<String, String> headers = Forwarder.passedHeaders(request, Forwarder.FORWARDED_HEADERS);
        byte[] body = method.equals("POST") ? new byte[0] : null;
        return forwarder.call(service, method, "/jobs/" + id + rest, headers, body)
                .handle((answer, failure) -> failure == null ? answer(answer, rest.equals("/result")) : Forwarder.failed(request, failure));
    }

    private Response answer(Forwarder.Answer answer, boolean file) {
        byte[] body = answer.body();
        if (!file && answer.status() < 300) {
            body = gatewayUrls(body);
        }
        Response.ResponseBuilder r = Response.status(answer.status()).entity(body);
        for (String passed : new String[] {HttpHeaders.CONTENT_TYPE, "Content-Disposition", HttpHeaders.CACHE_CONTROL}) {
            String value = answer.header(passed);
            if (value != null) {
                r.header(passed, value);
            }
        }
        return r.build();
    }

    /** The job's result url as the apps reach it: {@code /api/v1/jobs/{id}/result}. */
    private byte[] gatewayUrls(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree.path("result") instanceof ObjectNode result && result.path("url").isTextual()
                    && result.path("url").asText().startsWith("/jobs/")) {
                result.put("url", PREFIX + result.path("url").asText());
                return json.writeValueAsBytes(tree);
            }
            return body;
        } catch (IOException e) {
            return body;
        }
    }
}
