package com.tsh.erp.zoho;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The status and operations API (every request and answer checked against the service's OpenAPI document). */
@QuarkusTest
class SyncApiTest extends ZohoTestBase {

    @Test
    void statusShowsMappedPendingFailedBudgetAndToken() {
        long id = nextId();
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, "S-" + id, "9.00", true));
        awaitPushed("product", String.valueOf(id));
        given().get("/sync/status").then().statusCode(200)
                .body("kinds.kind", equalTo(List.of("product", "client", "order")))
                .body("kinds[0].mapped", greaterThanOrEqualTo(1))
                .body("kinds[0].master", equalTo("both"))
                .body("kinds[2].master", equalTo("erp"))
                .body("budget.minute_limit", equalTo(1000))
                .body("budget.minute_used", greaterThanOrEqualTo(1))
                .body("budget.day_limit", equalTo(10000))
                .body("token.state", equalTo("valid"))
                .body("consumer_lag.keySet()", org.hamcrest.Matchers.hasItem(run.topic("catalog.products")))
                .body("consumer_lag.keySet()", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith(run.id() + ".")));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String figure : List.of("tsh_zoho_mapped", "tsh_zoho_pending", "tsh_zoho_failed", "tsh_zoho_budget_minute_used",
                "tsh_zoho_budget_day_used", "tsh_zoho_budget_in_flight", "tsh_zoho_token_refreshes", "tsh_zoho_calls_total")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(figure + "{") || l.startsWith(figure + " ")), "metrics carry " + figure);
        }
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tsh_zoho_pending{") && l.contains("kind=\"order\"")), "per kind");
    }

    @Test
    void mappingsAreFoundByKindErpIdAndZohoId() {
        long id = nextId();
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, "M-" + id, "9.00", true));
        awaitPushed("product", String.valueOf(id));
        String zohoId = zohoId("product", id);
        given().queryParam("kind", "product").queryParam("erp_id", String.valueOf(id)).get("/sync/mappings").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].zoho_id", equalTo(zohoId)).body("items[0].erp_key", equalTo("M-" + id))
                .body("items[0].synced_version", equalTo(1));
        given().queryParam("zoho_id", zohoId).get("/sync/mappings").then().statusCode(200).body("items[0].erp_id", equalTo(String.valueOf(id)));
        given().queryParam("kind", "nothing").get("/sync/mappings").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().queryParam("per_page", 101).get("/sync/mappings").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void failuresAreListedAndRetried() {
        long taken = nextId();
        long clash = nextId();
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(taken), 1, client(taken, ClientType.RETAIL, true));
        awaitPushed("client", String.valueOf(taken));
        var c = client(clash, ClientType.RETAIL, true);
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(clash), 1, new com.tsh.erp.events.clients.ClientUpserted(clash, "Client " + taken,
                c.nameAr(), c.clientType(), c.phone(), c.email(), c.address(), c.city(), c.region(), null, c.creditLimit(), true, null,
                c.createdAt(), c.updatedAt()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from sync_task where erp_id = ? and status = 'FAILED'", String.valueOf(clash)) == 1);
        long failureId = db.count("select id from sync_task where erp_id = ?", String.valueOf(clash));
        given().queryParam("kind", "client").get("/sync/failures").then().statusCode(200)
                .body("items.id", hasItem((int) failureId)).body("items.find { it.id == " + failureId + " }.code", equalTo(3062));
        given().get("/sync/status").then().statusCode(200).body("kinds[1].failed", greaterThanOrEqualTo(1))
                .body("last_error.message", notNullValue());

        // a retry sends it again (still refused here: the name is still taken), and it is failed again with Zoho's answer
        long before = sim.lastSeq();
        given().post("/sync/failures/" + failureId + "/retry").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> sim.calls(before).stream().anyMatch(call -> call.method().equals("POST")
                && call.path().equals("/books/v3/contacts"))
                && db.count("select count(*) from sync_task where id = ? and status = 'FAILED'", failureId) == 1);
        given().post("/sync/failures/999999999/retry").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aFullSyncJobPublishesEveryZohoItemAndContactOnZohoInbound() {
        sim.seed(450, 120);
        int items = sim.records("items").size();
        int contacts = sim.records("contacts").size();
        String location = given().contentType(ContentType.JSON).body(Map.of("kinds", List.of("items", "contacts")))
                .post("/sync/jobs").then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().header("Location");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                "SUCCEEDED".equals(given().get(location).then().statusCode(200).extract().path("status")));
        given().get(location).then().body("kinds[0].kind", equalTo("items")).body("kinds[0].done", equalTo(items))
                .body("kinds[0].total", equalTo(items)).body("kinds[1].done", equalTo(contacts));
        // earlier tests' pushes: Zoho holds what we wrote, so they are not published again
        Set<String> changed = sim.records("items").stream().filter(r -> !isEcho("product", r, "item_id")).map(r -> r.path("item_id").asText())
                .collect(Collectors.toSet());
        Map<String, List<EventEnvelope<JsonNode>>> events = run.events(Topics.ZOHO_INBOUND, changed, Set.of("ZohoItemChanged"), changed.size());
        assertEquals(changed, events.keySet(), "every item was published, except the echoes of our own pushes");
        events.values().forEach(e -> assertEquals(EventEnvelope.ORIGIN_ZOHO, e.get(0).origin()));
    }

    @Test
    void badJobRequestsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("kinds", List.of("orders"))).post("/sync/jobs").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("kinds", List.of())).post("/sync/jobs").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(org.hamcrest.Matchers.containsString("kinds")));
        given().contentType(ContentType.JSON).body("{").post("/sync/jobs").then().statusCode(400).contentType("application/problem+json");
        given().get("/sync/jobs/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
