package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.devstack.DevStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole story through the gateway, with catalog-service, client-service, order-service and the real broker
 * running: an admin creates a category, a product, a salesperson, a client and the salesperson's user; the salesperson
 * signs in, finds the product by an Arabic spelling variant, places an order with an idempotency key (sent twice),
 * sees it confirmed; a manager marks it delivered; stock and balance move; the audit log shows each step with its user.
 */
@QuarkusTest
@RoutesTestStack
class StoryTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static long created(Response r) {
        r.then().statusCode(201);
        return r.jsonPath().getLong("id");
    }

    /** order-service learns of clients and products from their events: places an order only once it knows both. */
    private static void awaitOrderServiceKnows(long clientId, long productId) {
        String url = DevStack.shared().settings().jdbcUrl("tsh_orders_gw_" + Services.runId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = DriverManager.getConnection(url, DevStack.shared().settings().pgUser(), DevStack.shared().settings().pgPassword());
                 PreparedStatement s = c.prepareStatement(
                         "select (select count(*) from client_view where id = ?) + (select count(*) from product_view where id = ?)")) {
                s.setLong(1, clientId);
                s.setLong(2, productId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 2;
                }
            }
        });
    }

    @Test
    void fromAnEmptyShopToADeliveredOrderEveryStepThroughTheGatewayAndInTheAuditLog() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = GatewayTestBase.adminToken();
        long adminId = GatewayTestBase.claims(admin).path("sub").asLong();

        long category = created(as(admin).body(Map.of("name", "Screens " + tag, "name_ar", "شاشات " + tag)).post("/api/v1/categories"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", "STORY-" + tag);
        p.put("name", "Original screen " + tag);
        p.put("name_ar", "شاشة أصلية " + tag);
        p.put("category_id", category);
        p.put("unit", "piece");
        p.put("retail_price", 1500.00);
        p.put("wholesale_price", 1000.00);
        p.put("stock_on_hand", 20);
        p.put("reorder_level", 2);
        long product = created(as(admin).body(p).post("/api/v1/products"));

        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("name", "Story seller " + tag);
        sp.put("name_ar", "مندوب " + tag);
        sp.put("phone", "0770" + String.format("%07d", Math.abs(tag.hashCode()) % 10_000_000));
        sp.put("kind", "TRAVEL");
        sp.put("region", "Central");
        sp.put("commission_rate", 2.5);
        long salesperson = created(as(admin).body(sp).post("/api/v1/salespeople"));

        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "Story shop " + tag);
        c.put("name_ar", "محل " + tag);
        c.put("client_type", "WHOLESALE");
        c.put("phone", "0771" + String.format("%07d", Math.abs(("c" + tag).hashCode()) % 10_000_000));
        c.put("city", "Baghdad");
        c.put("region", "Central");
        c.put("credit_limit", 100000.00);
        c.put("salesperson_id", salesperson);
        long client = created(as(admin).body(c).post("/api/v1/clients"));

        String sellerName = "seller." + tag.toLowerCase();
        long sellerUser = created(as(admin).body(GatewayTestBase.newUser(sellerName, "pass-" + tag + "-long", List.of("TRAVEL_SALESPERSON"),
                salesperson, null)).post("/api/v1/users"));
        String managerName = "manager." + tag.toLowerCase();
        long managerUser = created(as(admin).body(GatewayTestBase.newUser(managerName, "pass-" + tag + "-long", List.of("MANAGER"), null, null))
                .post("/api/v1/users"));

        // the salesperson signs in and finds the product by another spelling: no hamza, ه for ة
        String seller = GatewayTestBase.accessToken(sellerName, "pass-" + tag + "-long");
        as(seller).queryParam("q", "شاشه اصليه " + tag).get("/api/v1/products").then().statusCode(200)
                .body("items.id", hasItem((int) product));
        // and sees their own client
        as(seller).get("/api/v1/clients/" + client).then().statusCode(200).body("salesperson_id", equalTo((int) salesperson));

        awaitOrderServiceKnows(client, product);
        Map<String, Object> order = Map.of("client_id", client, "lines", List.of(Map.of("product_id", product, "quantity", 3)));
        String key = "story-" + tag;
        Response placed = as(seller).header("Idempotency-Key", key).body(order).post("/api/v1/orders");
        placed.then().statusCode(201);
        String orderId = placed.jsonPath().getString("id");
        assertTrue(placed.header("Location").startsWith("/api/v1/orders/"), placed.header("Location"));
        // the phone lost the answer and sends it again: the same order, not a second one
        Response again = as(seller).header("Idempotency-Key", key).body(order).post("/api/v1/orders");
        assertEquals(orderId, again.jsonPath().getString("id"));
        as(seller).queryParam("client_id", client).get("/api/v1/orders").then().statusCode(200).body("items.size()", equalTo(1));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "CONFIRMED".equals(as(seller).get("/api/v1/orders/" + orderId).jsonPath().getString("status")));

        String manager = GatewayTestBase.accessToken(managerName, "pass-" + tag + "-long");
        as(manager).header("Idempotency-Key", "deliver-" + tag).post("/api/v1/orders/" + orderId + "/deliver").then().statusCode(200)
                .body("status", equalTo("DELIVERED"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath pr = as(admin).get("/api/v1/products/" + product).jsonPath();
            JsonPath cl = as(admin).get("/api/v1/clients/" + client).jsonPath();
            return pr.getInt("stock_on_hand") == 17 && cl.getFloat("balance") == 3000f;
        });

        // the audit log: who did each step
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            as(admin).queryParam("user", adminId).queryParam("entity", "Product").queryParam("entity_id", product).get("/api/v1/audit")
                    .then().statusCode(200).body("items.action", hasItem("ProductUpserted"));
            as(admin).queryParam("user", adminId).queryParam("entity", "Client").queryParam("entity_id", client).get("/api/v1/audit")
                    .then().statusCode(200).body("items.action", hasItem("ClientUpserted"));
            as(admin).queryParam("user", adminId).queryParam("entity", "Salesperson").queryParam("entity_id", salesperson)
                    .get("/api/v1/audit").then().statusCode(200).body("items.action", hasItem("SalespersonUpserted"));
            as(admin).queryParam("user", adminId).queryParam("entity", "User").queryParam("entity_id", sellerUser).get("/api/v1/audit")
                    .then().statusCode(200).body("items.action", hasItem("UserCreated"));
            as(admin).queryParam("user", sellerUser).queryParam("entity", "Order").queryParam("entity_id", orderId).get("/api/v1/audit")
                    .then().statusCode(200).body("items.action", equalTo(List.of("OrderPlaced")));
            as(admin).queryParam("user", managerUser).queryParam("entity", "Order").queryParam("entity_id", orderId).get("/api/v1/audit")
                    .then().statusCode(200).body("items.action", equalTo(List.of("OrderDelivered")));
        });

        // the phone's order: the client's name, each line with the product's current name and thumbnail
        JsonPath now = as(admin).get("/api/v1/products/" + product).then().statusCode(200).extract().jsonPath();
        Map<String, Object> rename = new LinkedHashMap<>(now.getMap(""));
        rename.keySet().retainAll(java.util.Set.of("sku", "name", "name_ar", "unit", "retail_price", "wholesale_price", "reorder_level",
                "category_id", "version"));
        rename.put("name", "Renamed screen " + tag);
        rename.put("image_urls", List.of("https://img.example/" + tag + ".jpg"));
        as(admin).body(rename).put("/api/v1/products/" + product).then().statusCode(200);
        as(seller).get("/mobile/v1/orders/" + orderId).then().statusCode(200).body("client_name", equalTo("Story shop " + tag))
                .body("status", equalTo("DELIVERED")).body("lines[0].name", equalTo("Renamed screen " + tag))
                .body("lines[0].image_url", equalTo("https://img.example/" + tag + ".jpg")).body("lines[0].quantity", equalTo(3));
        // another salesperson's phone: no such order
        as(com.tsh.erp.testing.TestTokens.salesperson("SALESPERSON", 987_654_321L)).get("/mobile/v1/orders/" + orderId).then()
                .statusCode(404);
    }
}
