package com.tsh.erp.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.defaults.Problem;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.EventTypes;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.catalog.StockChangeReason;
import com.tsh.erp.events.catalog.StockChanged;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.SalespersonKind;
import com.tsh.erp.events.clients.SalespersonUpserted;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The audit log: every event of the services' topics is one row with its actor, action, record and time; the list
 * filters and pages newest first; only ADMIN reads it; bad parameters are 400 naming the parameter.
 */
@QuarkusTest
class AuditLogTest extends FeedTestBase {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void everyEventIsOneRowWithWhoWhatWhichAndWhenFilteredAndPagedNewestFirst() {
        long product = nextId();
        long client = nextId();
        long seller = nextId();
        String alice = "user:" + nextId();
        String bob = "user:" + nextId();
        String key = String.valueOf(product);
        List<UUID> sent = new ArrayList<>();
        sent.add(send(CatalogEvents.PRODUCT_UPSERTED, key, 1, product(product, 1, true), alice, T0));
        sent.add(send(CatalogEvents.PRODUCT_UPSERTED, key, 2, product(product, 2, true), bob, T0.plusSeconds(60)));
        sent.add(send(CatalogEvents.STOCK_CHANGED, key, 1, new StockChanged(product, "SKU-" + product, StockChangeReason.ADJUSTMENT, 5, 0,
                105, 0, 105, null), alice, T0.plusSeconds(120)));
        UUID deactivated = send(CatalogEvents.PRODUCT_DEACTIVATED, key, 3, new ProductDeactivated(product, "SKU-" + product,
                T0.plusSeconds(180)), alice, T0.plusSeconds(180));
        sent.add(deactivated);
        sent.add(send(ClientEvents.CLIENT_UPSERTED, String.valueOf(client), 1, client(client, 1, seller, true), bob, T0.plusSeconds(240)));
        sent.add(send(ClientEvents.SALESPERSON_UPSERTED, String.valueOf(seller), 1, new SalespersonUpserted(seller, "Seller", "بائع", null,
                null, SalespersonKind.INTERNAL, "Central", new BigDecimal("2.50"), true, T0), "system:zoho-sync", T0.plusSeconds(300)));
        // delivered twice (the relay's at-least-once): still one row
        send(deactivated, CatalogEvents.PRODUCT_DEACTIVATED, key, 3, new ProductDeactivated(product, "SKU-" + product, T0.plusSeconds(180)),
                alice, T0.plusSeconds(180));
        awaitHandled(sent);
        assertEquals(1, db.count("select count(*) from audit_event where event_id = ?", deactivated));

        String admin = adminToken();
        // one record's history, newest first, with who, what and when
        Response history = get(admin, "/api/v1/audit?entity=Product&entity_id=" + product);
        history.then().statusCode(200).body("items.action", equalTo(List.of("ProductDeactivated", "StockChanged", "ProductUpserted", "ProductUpserted")))
                .body("items.actor", equalTo(List.of(alice, alice, bob, alice)))
                .body("items.version", equalTo(List.of(3, 1, 2, 1)))
                .body("items[0].entity", equalTo("Product")).body("items[0].entity_id", equalTo(key))
                .body("items[0].user_id", equalTo(Long.valueOf(alice.substring(5)).intValue()))
                .body("items[0].at", equalTo("2025-03-01T10:03:00Z"))
                .body("items[0].origin", equalTo("tsh")).body("items[0].app", nullValue())
                .body("items[0].request_id", equalTo("req-" + deactivated)).body("items[0].topic", equalTo(Topics.CATALOG_PRODUCTS))
                .body("items[2].details.name_ar", equalTo("منتج " + product)).body("items[2].details.retail_price", equalTo(2.50f))
                .body("items[1].details.stock_on_hand", equalTo(105))
                .body("has_more", equalTo(false));

        // who: a user id or the actor as recorded
        get(admin, "/api/v1/audit?user=" + alice.substring(5)).then().statusCode(200)
                .body("items.action", equalTo(List.of("ProductDeactivated", "StockChanged", "ProductUpserted")));
        get(admin, "/api/v1/audit?user=" + bob).then().statusCode(200)
                .body("items.action", equalTo(List.of("ClientUpserted", "ProductUpserted")));
        get(admin, "/api/v1/audit?user=" + bob + "&entity=Client").then().statusCode(200)
                .body("items.entity_id", equalTo(List.of(String.valueOf(client)))).body("items[0].user_id", equalTo(Long.valueOf(bob.substring(5)).intValue()));
        // what, and when ([from, to))
        get(admin, "/api/v1/audit?user=" + alice + "&action=ProductUpserted").then().statusCode(200)
                .body("items.version", equalTo(List.of(1)));
        get(admin, "/api/v1/audit?user=" + alice + "&from=2025-03-01T10:02:00Z&to=2025-03-01T08:03:00-02:00").then().statusCode(200)
                .body("items.action", equalTo(List.of("StockChanged")));
        get(admin, "/api/v1/audit?entity=Salesperson&entity_id=" + seller).then().statusCode(200)
                .body("items[0].actor", equalTo("system:zoho-sync")).body("items[0].user_id", nullValue());

        // pages of 2, newest first, over every row of the two actors' changes in this window
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Response r = get(admin, "/api/v1/audit?from=2025-03-01T10:00:00Z&to=2025-03-01T10:04:01Z&entity=Product&per_page=2&page=" + page);
            r.then().statusCode(200).body("page", equalTo(page)).body("per_page", equalTo(2)).body("has_more", equalTo(page < 2));
            seen.addAll(r.jsonPath().getList("items.event_id"));
        }
        assertEquals(4, seen.size(), "three product rows and the stock row, each once: " + seen);
        assertEquals(4, new TreeSet<>(seen).size());
    }

    @Test
    void theGatewaysOwnUserChangesAreThereToo() {
        String name = uniqueName("audited");
        int id = asAdmin("POST", "/api/v1/users", newUser(name, "a-good-password", List.of("MANAGER"), null, null)).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> update = new java.util.HashMap<>();
        update.put("roles", List.of("ACCOUNTANT"));
        update.put("salesperson_id", null);
        update.put("client_id", null);
        update.put("active", true);
        update.put("version", 0);
        asAdmin("PUT", "/api/v1/users/" + id, update).then().statusCode(200);
        String adminId = db.text("select id from app_user where lower(username) = ?", TestKeys.ADMIN);
        get(adminToken(), "/api/v1/audit?entity=User&entity_id=" + id).then().statusCode(200)
                .body("items.action", equalTo(List.of("UserUpdated", "UserCreated")))
                .body("items.actor", equalTo(List.of("user:" + adminId, "user:" + adminId)))
                .body("items.version", equalTo(List.of(1, 0)))
                .body("items[0].topic", equalTo("gateway"))
                .body("items[0].details.change", equalTo("roles [MANAGER] -> [ACCOUNTANT]"));
        get(adminToken(), "/api/v1/audit?user=" + adminId + "&action=UserCreated&per_page=100").then().statusCode(200)
                .body("items.entity_id", org.hamcrest.Matchers.hasItem(String.valueOf(id)));
    }

    @Test
    void onlyAdminsReadIt() {
        get(null, "/api/v1/audit").then().statusCode(401).body("type", equalTo(Problem.TYPE_PREFIX + "invalid-token"));
        get("not-a-token", "/api/v1/audit").then().statusCode(401);
        for (String role : List.of("MANAGER", "ACCOUNTANT", "WAREHOUSE")) {
            get(tokenOf(List.of(role), null, null), "/api/v1/audit").then().statusCode(403).body("type", equalTo(Problem.TYPE_PREFIX + "forbidden"));
        }
        get(tokenOf(List.of("SALESPERSON"), 42L, null), "/api/v1/audit").then().statusCode(403);
        get(tokenOf(List.of("CLIENT"), null, 7L), "/api/v1/audit").then().statusCode(403);
        get(adminToken(), "/api/v1/audit").then().statusCode(200);
    }

    @Test
    void badParametersAreNamed() {
        String admin = adminToken();
        for (String[] c : new String[][] {
                {"per_page=101", "per_page"}, {"page=0", "page"}, {"user=x%20y", "user"}, {"user=user:", "user"},
                {"entity=Nope", "entity"}, {"action=Hacked", "action"}, {"entity_id=1", "entity_id"}, {"entity=Order&entity_id=a%2Fb", "entity_id"},
                {"from=yesterday", "from"}, {"from=2025-02-30T00:00:00Z", "from"}, {"to=2025-03-01", "to"},
                {"from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "to"}}) {
            get(admin, "/api/v1/audit?" + c[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]));
        }
    }

    /**
     * Every filter's page is one index range read in the list's order (no sort): the plans with sequential scans and
     * sorts priced out, as on a large table, name the filter's index.
     */
    @Test
    void everyFilterReadsItsIndexInOrder() throws Exception {
        String select = "select id from audit_event %s order by occurred_at desc, id desc limit 26 offset 0";
        // the filter -> the indexes that serve it in order (on this small table the planner may take either of two)
        Map<String, List<String>> plans = Map.of(
                "", List.of("audit_event_time_idx"),
                "where actor = 'user:1'", List.of("audit_event_actor_idx"),
                "where aggregate_type = 'Product' and aggregate_id = '1'", List.of("audit_event_entity_idx", "audit_event_entity_type_idx"),
                "where aggregate_type = 'Product'", List.of("audit_event_entity_type_idx"),
                "where event_type = 'OrderPlaced'", List.of("audit_event_action_idx"),
                "where occurred_at >= now() - interval '1 day' and occurred_at < now()", List.of("audit_event_time_idx"));
        try (java.sql.Connection c = db.connection(); java.sql.Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            s.execute("set enable_sort = off");
            for (Map.Entry<String, List<String>> e : plans.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (java.sql.ResultSet rs = s.executeQuery("explain " + select.formatted(e.getKey()))) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                String text = plan.toString();
                org.junit.jupiter.api.Assertions.assertTrue(e.getValue().stream().anyMatch(text::contains) && !text.contains("Sort"),
                        e.getKey() + " should read " + e.getValue() + " in order:\n" + plan);
            }
        }
    }

    /** The filters' closed lists are the aggregate and event types of every audited topic (all but zoho.inbound). */
    @Test
    void theFiltersKnowEveryAuditedTypeAndNothingElse() throws Exception {
        List<EventType<?>> audited = EventTypes.all().stream().filter(t -> !t.topic().equals(Topics.ZOHO_INBOUND)).toList();
        Set<String> actions = audited.stream().map(EventType::name).collect(Collectors.toCollection(TreeSet::new));
        actions.addAll(List.of("UserCreated", "UserUpdated", "UserPasswordChanged"));
        Set<String> entities = audited.stream().map(EventType::aggregateType).collect(Collectors.toCollection(TreeSet::new));
        entities.add("User");
        assertEquals(actions, new TreeSet<>(words("ACTIONS")));
        assertEquals(entities, new TreeSet<>(words("ENTITIES")));
    }

    private static Set<String> words(String field) throws Exception {
        Field f = Class.forName("com.tsh.erp.gateway.feed.AuditResource").getDeclaredField(field);
        f.setAccessible(true);
        return Arrays.stream(((String) f.get(null)).split("\\|")).collect(Collectors.toSet());
    }
}
