package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.gateway.routes.RouteTable;
import com.tsh.erp.gateway.routes.Upstream;
import com.tsh.erp.testing.RoleMatrix;
import com.tsh.erp.testing.ServiceProcess;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every role against every route of the gateway's table, through the gateway and at the service directly with the
 * same token: the two must answer the same status (403 exactly where the table leaves the role out), so the
 * gateway's roles cannot drift from the services' {@code @RolesAllowed}. And the table must name exactly the
 * operations of the services' OpenAPI documents: a service route the apps cannot reach, or a gateway route no
 * service has, fails here.
 */
@QuarkusTest
@RoutesTestStack
class RoleMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOBODY = 987_654_321L;

    private static String token(String role) {
        return switch (role) {
            case "SALESPERSON", "PARTNER_SALESMAN", "TRAVEL_SALESPERSON" -> TestTokens.salesperson(role, NOBODY);
            case "CLIENT" -> TestTokens.client(NOBODY);
            default -> TestTokens.role(role);
        };
    }

    private static String url(RouteTable.Route route) {
        String t = route.template();
        if (route.service() == Upstream.ORDERS && t.startsWith("/orders/{id}")) {
            t = t.replace("{id}", "00000000-0000-0000-0000-000000000001");
        }
        return t.replace("{number}", "SO-NOBODY").replaceAll("\\{[a-z_]+}", String.valueOf(NOBODY));
    }


    /** The operations whose service document has a request body ("POST /products"). */
    private static final java.util.Set<String> WITH_BODY = new java.util.HashSet<>();
    private static final java.util.Set<String> MULTIPART = new java.util.HashSet<>();

    private static synchronized boolean hasBody(RouteTable.Route route) {
        if (WITH_BODY.isEmpty()) {
            for (Upstream u : Upstream.values()) {
                try {
                    JsonNode doc = JSON.readTree(given().baseUri(Services.of(u).baseUrl()).get("/q/openapi?format=json").asString());
                    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                        if (op.getValue().has("requestBody")) {
                            WITH_BODY.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                            if (op.getValue().path("requestBody").path("content").has("multipart/form-data")) {
                                MULTIPART.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                            }
                        }
                    }));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return WITH_BODY.contains(route.method() + " " + route.template());
    }

    private static Response call(String base, RouteTable.Route route, String role) {
        RequestSpecification r = given().header("Authorization", TestTokens.bearer(token(role)))
                .header("Idempotency-Key", "gw-matrix-" + role + "-" + route.template().hashCode());
        if (base != null) {
            r.baseUri(base);
        }
        if (hasBody(route) && MULTIPART.contains(route.method() + " " + route.template())) {
            r.multiPart("role-matrix", "an upload"); // an upload route: its body is a form
        } else if (hasBody(route)) {
            r.contentType("application/json").body("{}");
        }
        return r.request(route.method(), base == null ? "/api/v1" + url(route) : url(route));
    }

    @Test
    void everyRoleGetsTheSameAnswerAtTheGatewayAsAtTheService() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (RouteTable.Route route : RouteTable.ROUTES) {
            ServiceProcess service = Services.of(route.service());
            for (String role : RoleMatrix.ROLES) {
                Response viaGateway = call(null, route, role);
                calls++;
                boolean may = route.roles().contains(role);
                int status = viaGateway.statusCode();
                String op = route.method() + " " + route.template() + " as " + role;
                if (!may && status != 403) {
                    wrong.add(op + ": " + status + " at the gateway (should be 403)");
                    continue;
                }
                int direct = call(service.baseUrl(), route, role).statusCode();
                calls++;
                if (direct != status) {
                    wrong.add(op + ": " + status + " at the gateway, " + direct + " at " + route.service().key());
                }
                if (may && status == 401) {
                    wrong.add(op + ": 401");
                }
            }
        }
        assertTrue(wrong.isEmpty(), calls + " calls; wrong:\n" + String.join("\n", wrong));
    }

    @Test
    void theTableNamesExactlyTheServicesOperations() throws Exception {
        for (Upstream u : List.of(Upstream.values())) {
            JsonNode doc = JSON.readTree(given().baseUri(Services.of(u).baseUrl()).get("/q/openapi?format=json").asString());
            Set<String> documented = new TreeSet<>();
            for (Iterator<java.util.Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                var path = paths.next();
                if (path.getKey().equals("/jobs") || path.getKey().startsWith("/jobs/")) {
                    continue; // a job's routes go by its id to the service that holds it (JobsProxyResource)
                }
                path.getValue().fieldNames().forEachRemaining(m -> {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(m)) {
                        documented.add(m.toUpperCase() + " " + path.getKey());
                    }
                });
            }
            Set<String> routed = new TreeSet<>();
            for (RouteTable.Route r : RouteTable.ROUTES) {
                if (r.service() == u) {
                    routed.add(r.method() + " " + r.template());
                }
            }
            assertEquals(documented, routed, u.key() + ": the gateway's routes and the service's document");
        }
    }
}
