package com.tsh.erp.gateway.api;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
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
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class GatewayApiDocument implements OASFilter {

    static final String SCHEME = "bearer";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String TOO_MANY_ATTEMPTS = "TooManyAttempts";

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
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
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
