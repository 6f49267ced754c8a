package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the OpenAPI document says of the audit log and the change feed, beyond what every answer's check against it
 * shows (OpenApiContract): the bearer requirement and the refusals of each route, the parameters' limits, and the
 * fields of the answers.
 */
@QuarkusTest
class FeedDocumentTest extends GatewayTestBase {

    private static JsonNode document() throws Exception {
        return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void theAuditRouteIsForAdminsWithItsFilters() throws Exception {
        JsonNode doc = document();
        JsonNode op = doc.at("/paths/~1api~1v1~1audit/get");
        assertEquals("bearer", op.at("/security/0").fieldNames().next());
        assertEquals(Set.of("200", "400", "401", "403", "429", "500", "503"), names(op.get("responses")));
        assertEquals("#/components/responses/Unauthorized", op.at("/responses/401/$ref").asText());
        assertEquals("#/components/responses/Forbidden", op.at("/responses/403/$ref").asText());
        assertEquals(Set.of("user", "entity", "entity_id", "action", "from", "to", "page", "per_page"), parameters(op));
        assertEquals(100, parameter(op, "per_page").at("/schema/maximum").asInt());
        assertEquals("date-time", parameter(op, "from").at("/schema/format").asText());
        assertTrue(parameter(op, "entity").at("/schema/enum").toString().contains("\"Product\""));
        JsonNode entry = doc.at("/components/schemas/AuditEntry");
        assertEquals(Set.of("id", "event_id", "at", "actor", "user_id", "action", "entity", "entity_id", "version", "origin", "app",
                "request_id", "topic", "recorded_at", "details"), names(entry.get("properties")));
        assertEquals(names(entry.get("properties")), new TreeSet<>(strings(entry.get("required"))));
        assertEquals("object", entry.at("/properties/details/type").asText());
    }

    @Test
    void theChangeFeedIsForEverySignedInUser() throws Exception {
        JsonNode doc = document();
        JsonNode op = doc.at("/paths/~1mobile~1v1~1changes/get");
        assertEquals("bearer", op.at("/security/0").fieldNames().next());
        assertEquals(Set.of("200", "400", "401", "429", "500", "503"), names(op.get("responses")), "any role may call it: no 403");
        assertEquals(Set.of("since", "types", "limit"), parameters(op));
        assertEquals(50, parameter(op, "limit").at("/schema/maximum").asInt());
        assertEquals(200, parameter(op, "since").at("/schema/maxLength").asInt());
        assertFalse(parameter(op, "types").at("/schema/pattern").asText().isEmpty());
        JsonNode page = doc.at("/components/schemas/FeedPage");
        assertEquals(Set.of("items", "next_cursor", "has_more"), new TreeSet<>(strings(page.get("required"))));
        JsonNode change = doc.at("/components/schemas/FeedChange");
        assertEquals(Set.of("type", "id", "version", "change", "product", "category", "client"), names(change.get("properties")));
        assertTrue(change.at("/properties/change/enum").toString().contains("removed"));
        assertFalse(doc.at("/components/schemas/FeedProduct/properties").has("cost_price"), "the apps never get the cost price");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> parameters(JsonNode op) {
        Set<String> out = new TreeSet<>();
        op.get("parameters").forEach(p -> out.add(p.get("name").asText()));
        return out;
    }

    private static JsonNode parameter(JsonNode op, String name) {
        for (JsonNode p : op.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
