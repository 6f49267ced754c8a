package com.tsh.erp.gateway.api;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;

import com.tsh.erp.defaults.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The bearer (JWT) scheme in the document, and on every operation that needs a token its requirement and its
 * 401 (no valid token) and, for the admin routes, 403 (not an ADMIN) answers, both problem+json.
 * Which operations: {@code /api/v1/users...} (ADMIN) and {@code POST /api/v1/auth/password} (any signed-in user).
 *
 * <p>Also what the gateway adds to every answer it may give: 429 (the rate limit, RateLimit) on every operation;
 * 503 (a service down, ServiceUnavailable) on the forwarded routes (their operations come from the services'
 * documents, merged from {@code META-INF/openapi.json}: RoutesDocumentTest) and the phone lists; and on the catalog's
 * reads {@code If-None-Match}, the {@code ETag} of the 200 and the 304.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class GatewayApiDocument implements OASFilter {

    static final String SCHEME = "bearer";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String TOO_MANY_ATTEMPTS = "TooManyAttempts";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    /** The forwarded routes' paths begin so (RouteTable), the phone lists that call a service are these. */
    static final java.util.List<String> FORWARDED = java.util.List.of("/api/v1/products", "/api/v1/categories", "/api/v1/clients",
            "/api/v1/salespeople", "/api/v1/orders", "/api/v1/sync", "/mobile/v1/products", "/mobile/v1/clients", "/mobile/v1/orders");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(createComponents());
        }
        api.getComponents().addSecurityScheme(SCHEME, createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("The access_token of POST /api/v1/auth/login or /refresh (RS256, issuer tsh.gateway.issuer)"));
        // answers by reference, so that the Problem schema stays as ApiDocument wrote it (optional fields optional)
        api.getComponents().addResponse(UNAUTHORIZED, problem("No valid access token (missing, forged, expired, another issuer, "
                + "alg none), or for sign-in and refresh: invalid credentials / an invalid refresh token"));
        api.getComponents().addResponse(FORBIDDEN, problem("The token's roles do not allow this (the admin routes need ADMIN)"));
        api.getComponents().addResponse(TOO_MANY_ATTEMPTS, problem("Too many failed attempts for this name or address: locked; "
                + "send again after Retry-After seconds").addHeader("Retry-After", createHeader().required(true)
                .description("Seconds until the lock ends").schema(createSchema().addType(SchemaType.INTEGER).format("int64"))));
        api.getComponents().addResponse(RATE_LIMITED, problem("Too many requests from this user or address in the rate limit's "
                + "window; send again after Retry-After seconds").addHeader("Retry-After", createHeader().required(true)
                .description("Seconds until the window ends").schema(createSchema().addType(SchemaType.INTEGER).format("int64"))));
        api.getComponents().addResponse(SERVICE_UNAVAILABLE, problem("The service that owns this route did not answer in time, "
                + "cannot be reached, or its circuit breaker is open; the detail names it. Send again after Retry-After seconds")
                .addHeader("Retry-After", createHeader().required(true).description("Seconds to wait")
                        .schema(createSchema().addType(SchemaType.INTEGER).format("int64"))));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            boolean forwarded = FORWARDED.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
            boolean catalog = path.startsWith("/api/v1/products") || path.startsWith("/api/v1/categories");
            item.getOperations().forEach((method, op) -> {
                if (op.getResponses().getAPIResponse("429") == null) {
                    op.getResponses().addAPIResponse("429", createAPIResponse().ref(RATE_LIMITED));
                }
                if (forwarded) {
                    op.getResponses().addAPIResponse("503", createAPIResponse().ref(SERVICE_UNAVAILABLE));
                }
                if (catalog && path.startsWith("/api/v1/") && method == org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.GET) {
                    op.addParameter(createParameter().name("If-None-Match").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                            .description("The ETag of an earlier answer: 304 without a body while it is still the same")
                            .schema(createSchema().addType(SchemaType.STRING).maxLength(1000)));
                    APIResponse ok = op.getResponses().getAPIResponse("200");
                    if (ok != null) {
                        ok.addHeader("ETag", createHeader().description("A weak validator of this answer, for If-None-Match")
                                .schema(createSchema().addType(SchemaType.STRING)));
                    }
                    op.getResponses().addAPIResponse("304", createAPIResponse().description("Not modified: the ETag sent still holds"));
                }
            });
        });
        api.getPaths().getPathItems().forEach((path, item) -> {
            boolean admin = path.startsWith("/api/v1/users");
            if (admin) {
                item.getOperations().values().forEach(op -> secure(op, true));
            } else if (path.equals("/api/v1/auth/password") && item.getPOST() != null) {
                secure(item.getPOST(), false);
            }
        });
    }

    private static void secure(Operation op, boolean admin) {
        op.addSecurityRequirement(createSecurityRequirement().addScheme(SCHEME));
        op.getResponses().addAPIResponse("401", createAPIResponse().ref(UNAUTHORIZED));
        if (admin) {
            op.getResponses().addAPIResponse("403", createAPIResponse().ref(FORBIDDEN));
        }
    }

    private static APIResponse problem(String description) {
        return createAPIResponse().description(description).content(createContent()
                .addMediaType(Problem.MEDIA_TYPE, createMediaType().schema(createSchema().ref("Problem"))));
    }
}
