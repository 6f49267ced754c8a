package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.gateway.routes.RouteTable;
import com.tsh.erp.gateway.routes.Upstream;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway's document describes the routes it forwards exactly as the services describe them: their operations,
 * with the path under {@code /api/v1}, and their schemas and answers. They come from a file made from the running
 * services' documents, {@code src/main/resources/META-INF/openapi.json}, which Quarkus merges into the gateway's
 * document (the gateway's own filter, GatewayApiDocument, adds the bearer scheme, 429, 503 and the catalog's 304).
 *
 * <p>This test makes the file again from the four services running beside it and fails when it differs from the one
 * in the source tree, so a service's API cannot change without the gateway's document changing with it. To update
 * the file: run the gateway's tests with {@code -Dtsh.routes-document.write=true} (it then writes the file and
 * passes), or copy {@code target/routes-openapi.json} over it.
 */
@QuarkusTest
@RoutesTestStack
class RoutesDocumentTest {

    static final Path FILE = Path.of("src/main/resources/META-INF/openapi.json");
    /** The job routes the gateway serves by the job's id (the list of a user's jobs is each service's own). */
    static final java.util.List<String> JOB_ROUTES = java.util.List.of("/jobs/{id}", "/jobs/{id}/cancel", "/jobs/{id}/result");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);


    static String made() throws Exception {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode paths = JSON.createObjectNode();
        ObjectNode schemas = JSON.createObjectNode();
        ObjectNode responses = JSON.createObjectNode();
        for (Upstream u : Upstream.values()) {
            JsonNode doc = JSON.readTree(given().baseUri(Services.of(u).baseUrl()).get("/q/openapi?format=json").asString());
            if (!out.has("openapi")) {
                out.put("openapi", doc.path("openapi").asText());
            }
            // a schema or answer of the same name as another service's but not the same gets the service's name in front
            Map<String, String> renamed = new HashMap<>();
            rename(doc.path("components").path("schemas"), schemas, "#/components/schemas/", u, renamed);
            rename(doc.path("components").path("responses"), responses, "#/components/responses/", u, renamed);
            JsonNode rewritten = JSON.readTree(rewrite(JSON.writeValueAsString(doc), renamed));
            copy(rewritten.path("components").path("schemas"), schemas, "#/components/schemas/", renamed);
            copy(rewritten.path("components").path("responses"), responses, "#/components/responses/", renamed);
            for (RouteTable.Route route : RouteTable.ROUTES) {
                if (route.service() != u) {
                    continue;
                }
                JsonNode item = rewritten.path("paths").path(route.template());
                JsonNode op = item.path(route.method().toLowerCase(Locale.ROOT));
                if (op.isMissingNode()) {
                    fail(u.key() + "'s document has no " + route.method() + " " + route.template());
                }
                ObjectNode target = paths.has("/api/v1" + route.template()) ? (ObjectNode) paths.get("/api/v1" + route.template())
                        : paths.putObject("/api/v1" + route.template());
                if (item.has("parameters")) {
                    target.set("parameters", item.get("parameters"));
                }
                target.set(route.method().toLowerCase(Locale.ROOT), op);
            }
            // a job's routes, as catalog-service (whose jobs library every service with jobs shares) documents them;
            // the gateway sends each call to the service its id names (JobsProxyResource)
            if (u == Upstream.CATALOG) {
                for (String template : JOB_ROUTES) {
                    JsonNode item = rewritten.path("paths").path(template);
                    if (item.isMissingNode()) {
                        fail(u.key() + "'s document has no " + template);
                    }
                    paths.set("/api/v1" + template, item);
                }
            }
        }
        out.set("paths", paths);
        ObjectNode components = out.putObject("components");
        components.set("schemas", schemas);
        components.set("responses", responses);
        return JSON.writeValueAsString(out) + "\n";
    }

    private static void rename(JsonNode from, ObjectNode into, String prefix, Upstream u, Map<String, String> renamed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (into.has(e.getKey()) && !into.get(e.getKey()).equals(e.getValue())) {
                String service = u.name().charAt(0) + u.name().substring(1).toLowerCase(Locale.ROOT).replace("_s", "S");
                renamed.put(prefix + e.getKey(), prefix + service + e.getKey());
            }
        }
    }

    private static void copy(JsonNode from, ObjectNode into, String prefix, Map<String, String> renamed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = renamed.getOrDefault(prefix + e.getKey(), prefix + e.getKey()).substring(prefix.length());
            into.set(name, e.getValue());
        }
    }

    private static String rewrite(String doc, Map<String, String> renamed) {
        for (Map.Entry<String, String> r : renamed.entrySet()) {
            doc = doc.replace("\"" + r.getKey() + "\"", "\"" + r.getValue() + "\"");
        }
        return doc;
    }

    @Test
    void theForwardedRoutesAreDocumentedAsTheServicesDocumentThem() throws Exception {
        String made = made();
        String kept = Files.exists(FILE) ? Files.readString(FILE) : "";
        if (made.equals(kept)) {
            return;
        }
        if (Boolean.getBoolean("tsh.routes-document.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, made);
            return;
        }
        Path fresh = Path.of("target/routes-openapi.json");
        Files.writeString(fresh, made);
        fail("gateway/" + FILE + " is not what the services' documents make now (a service's API changed?). "
                + "Made afresh: gateway/" + fresh + "; copy it over, or run the gateway's tests with -Dtsh.routes-document.write=true");
    }
}
