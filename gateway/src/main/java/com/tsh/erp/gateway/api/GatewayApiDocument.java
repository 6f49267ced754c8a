package com.tsh.erp.gateway.api;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;

import com.tsh.erp.defaults.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
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

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(createComponents());
        }
        api.getComponents().addSecurityScheme(SCHEME, createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("The access_token of POST /api/v1/auth/login or /refresh (RS256, issuer tsh.gateway.issuer)"));
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
        op.getResponses().addAPIResponse("401", problem("No valid access token (missing, forged, expired, another issuer, alg none)"));
        if (admin) {
            op.getResponses().addAPIResponse("403", problem("The token's roles do not include ADMIN"));
        }
    }

    private static APIResponse problem(String description) {
        return createAPIResponse().description(description).content(createContent()
                .addMediaType(Problem.MEDIA_TYPE, createMediaType().schema(createSchema().ref("Problem"))));
    }
}
