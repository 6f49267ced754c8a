package com.tsh.erp.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every role against every route of the running service: the test writes down which roles may call each operation
 * ({@code "GET /clients/{id}"} to a set of role names), and this checks that the table and the service's OpenAPI
 * document name the same operations (a new route without a row fails), that a role not in an operation's row gets
 * 403 problem+json, and that a role in it gets past the role check (anything but 401 and 403: the dummy ids and
 * bodies it sends are usually refused later, as missing or invalid). Salesperson roles carry a salesperson id and
 * CLIENT a client id that own nothing, so ownership answers 404 or an empty page, never 403.
 */
public final class RoleMatrix {

    public static final List<String> ROLES = List.of("ADMIN", "MANAGER", "ACCOUNTANT", "WAREHOUSE", "SALESPERSON",
            "PARTNER_SALESMAN", "TRAVEL_SALESPERSON", "CLIENT");
    public static final Set<String> ALL = Set.copyOf(ROLES);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An id no test makes, for path parameters and the salesperson and client ids of the tokens. */
    private static final long NOBODY = 987_654_321L;

    private RoleMatrix() {
    }

    /** Checks the running service ({@link RestAssured#baseURI}, {@code port}) against the table; fails naming every difference. */
    public static void check(Map<String, Set<String>> allowed) {
        JsonNode doc;
        try {
            doc = JSON.readTree(given().header("Authorization", TestTokens.NONE).get("/q/openapi?format=json").asString());
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document could not be read", e);
        }
        Map<String, String> operations = new LinkedHashMap<>();
        Set<String> withBody = new java.util.HashSet<>();
        Set<String> multipart = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    // a path parameter gets an id nobody has, of its type (a UUID where the document says so)
                    String url = path.getKey();
                    List<JsonNode> params = new ArrayList<>();
                    path.getValue().path("parameters").forEach(params::add);
                    path.getValue().path(method).path("parameters").forEach(params::add);
                    for (JsonNode p : params) {
                        if ("path".equals(p.path("in").asText())) {
                            String value = "uuid".equals(p.path("schema").path("format").asText())
                                    ? "00000000-0000-0000-0000-000000000001" : String.valueOf(NOBODY);
                            url = url.replace("{" + p.path("name").asText() + "}", value);
                        }
                    }
                    if (path.getValue().path(method).has("requestBody")) {
                        withBody.add(method.toUpperCase() + " " + path.getKey());
                        if (path.getValue().path(method).path("requestBody").path("content").has("multipart/form-data")) {
                            multipart.add(method.toUpperCase() + " " + path.getKey());
                        }
                    }
                    operations.put(method.toUpperCase() + " " + path.getKey(), url);
                }
            }
        }
        assertEquals(new TreeSet<>(operations.keySet()), new TreeSet<>(allowed.keySet()),
                "the role table names exactly the document's operations");
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, String> op : operations.entrySet()) {
            String method = op.getKey().substring(0, op.getKey().indexOf(' '));
            String url = op.getValue();
            for (String role : ROLES) {
                var request = given().header("Authorization", TestTokens.bearer(token(role)))
                        .header("Idempotency-Key", "role-matrix-" + role + "-" + op.getKey().hashCode());
                if (multipart.contains(op.getKey())) {
                    request.multiPart("role-matrix", "an upload"); // an upload route: its body is a form
                } else if (withBody.contains(op.getKey())) {
                    request.contentType("application/json").body("{}");
                }
                Response r = request.request(method, url);
                calls++;
                boolean may = allowed.get(op.getKey()).contains(role);
                int status = r.statusCode();
                if (may && (status == 401 || status == 403) && !fieldRefusal(r)) {
                    wrong.add(op.getKey() + " as " + role + ": " + status + " (should pass the role check)");
                } else if (!may && status != 403) {
                    wrong.add(op.getKey() + " as " + role + ": " + status + " (should be 403)");
                } else if (!may && !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(op.getKey() + " as " + role + ": 403 without a problem+json body");
                }
            }
        }
        assertTrue(wrong.isEmpty(), calls + " calls; wrong:\n" + String.join("\n", wrong));
    }

    /** A 403 naming a field (a salesperson sending a field only a manager sets) is the operation's own rule, not the role check. */
    private static boolean fieldRefusal(Response r) {
        return r.statusCode() == 403 && r.asString().contains("forbidden-field");
    }

    static String token(String role) {
        return switch (role) {
            case "SALESPERSON", "PARTNER_SALESMAN", "TRAVEL_SALESPERSON" -> TestTokens.salesperson(role, NOBODY);
            case "CLIENT" -> TestTokens.client(NOBODY);
            default -> TestTokens.role(role);
        };
    }

    /** Builds a table: {@code table("GET /x", ALL, "POST /x", Set.of("ADMIN"))}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Set<String>> table(Object... operationThenRoles) {
        Map<String, Set<String>> t = new LinkedHashMap<>();
        for (int i = 0; i < operationThenRoles.length; i += 2) {
            t.put((String) operationThenRoles[i], (Set<String>) operationThenRoles[i + 1]);
        }
        return t;
    }

    public static Set<String> roles(String... roles) {
        return Set.of(roles);
    }

    /** The three salesperson roles plus the given ones. */
    public static Set<String> salesAnd(String... roles) {
        Set<String> s = new java.util.HashSet<>(Set.of("SALESPERSON", "PARTNER_SALESMAN", "TRAVEL_SALESPERSON"));
        s.addAll(List.of(roles));
        return Set.copyOf(s);
    }
}
