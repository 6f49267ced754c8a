package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.Concurrently;
import com.tsh.erp.testing.ServiceProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole saga with all three services: this test's order-service, and the packaged
 * catalog-service and client-service started beside it ({@link ServiceProcess}), each with a
 * database of its own, on this run's topics of the real broker. Products, clients and salespeople
 * are made through their services' APIs and reach order-service by their events, as in production.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SagaTest extends OrdersTestBase {

    private static ServiceProcess catalog;
    private static ServiceProcess clients;

    @BeforeEach
    void peers() {
        if (catalog == null) {
            catalog = ServiceProcess.of("catalog-service").database("tsh_catalog_saga_" + run.id()).forTestRun(run.id())
                    .property("tsh.catalog.cache-prefix", "catalog-saga-" + run.id()).start();
            clients = ServiceProcess.of("client-service").database("tsh_clients_saga_" + run.id()).forTestRun(run.id()).start();
        }
    }

    @AfterAll
    static void stopPeers() {
        if (catalog != null) {
            catalog.close();
            clients.close();
            catalog = null;
            clients = null;
        }
    }

    // --- the peers' APIs

    private long stockedProduct(int stock, double retail, double wholesale) {
        Map<String, Object> b = new LinkedHashMap<>();
        String sku = "SAGA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        b.put("sku", sku);
        b.put("name", "Saga " + sku);
        b.put("name_ar", "منتج " + sku);
        b.put("unit", "piece");
        b.put("retail_price", retail);
        b.put("wholesale_price", wholesale);
        b.put("stock_on_hand", stock);
        b.put("reorder_level", 1);
        long id = given().baseUri(catalog.baseUrl()).contentType(ContentType.JSON).body(b).post("/products").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitRow("select count(*) from product_view where id = ?", id);
        return id;
    }

    private JsonPath product(long id) {
        return given().baseUri(catalog.baseUrl()).get("/products/" + id).then().statusCode(200).extract().jsonPath();
    }

    private long sagaClient(String type, Double creditLimit) {
        Map<String, Object> b = new LinkedHashMap<>();
        String name = "Saga " + UUID.randomUUID().toString().substring(0, 8);
        b.put("name", name);
        b.put("name_ar", "عميل " + name);
        b.put("client_type", type);
        b.put("city", "Baghdad");
        if (creditLimit != null) {
            b.put("credit_limit", creditLimit);
        }
        long id = given().baseUri(clients.baseUrl()).contentType(ContentType.JSON).body(b).post("/clients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitRow("select count(*) from client_view where id = ?", id);
        return id;
    }

    private JsonPath clientFigures(long id) {
        return given().baseUri(clients.baseUrl()).get("/clients/" + id).then().statusCode(200).extract().jsonPath();
    }

    private void awaitProduct(long id, int onHand, int reserved) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath p = product(id);
            return p.getInt("stock_on_hand") == onHand && p.getInt("reserved") == reserved;
        });
    }

    private void awaitCredit(long id, float balance, float reservedCredit) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath c = clientFigures(id);
            return c.getFloat("balance") == balance && c.getFloat("reserved_credit") == reservedCredit;
        });
    }

    private void awaitFinal(String orderId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("CONFIRMED", "REJECTED").contains(status(orderId)));
    }

    @Test
    @Order(1)
    void aWholesaleOrderWithStockAndCreditIsConfirmedAndDeliveryMovesStockAndBalanceOnce() {
        long product = stockedProduct(10, 1500.00, 1000.00);
        long client = sagaClient("WHOLESALE", 100_000.00);
        String id = placed(order(client, product, 3));
        awaitStatus(id, "CONFIRMED");
        awaitProduct(product, 10, 3);
        awaitCredit(client, 0f, 3000f);

        given().post("/orders/" + id + "/deliver").then().statusCode(200).body("status", equalTo("DELIVERED"));
        awaitProduct(product, 7, 0);
        awaitCredit(client, 3000f, 0f);
        // once: a second delivery is refused, and the ledgers moved once
        given().post("/orders/" + id + "/deliver").then().statusCode(409);
        JsonPath statement = given().baseUri(clients.baseUrl()).get("/clients/" + client + "/statement").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ORDER_DELIVERED"), statement.getList("items.kind"));
        assertEquals(7, product(product).getInt("stock_on_hand"));
    }

    @Test
    @Order(2)
    void notEnoughStockRejectsWithWhatWasAvailableAndReleasesTheCredit() {
        long product = stockedProduct(5, 200.00, 100.00);
        long client = sagaClient("WHOLESALE", 100_000.00);
        String id = placed(order(client, product, 6));
        awaitStatus(id, "REJECTED");
        given().get("/orders/" + id).then().body("rejection.code", equalTo("STOCK"))
                .body("rejection.short_lines[0].requested", equalTo(6)).body("rejection.short_lines[0].available", equalTo(5));
        awaitCredit(client, 0f, 0f);
        awaitProduct(product, 5, 0);
    }

    @Test
    @Order(3)
    void notEnoughCreditRejectsWithTheFiguresAndReleasesTheStock() {
        long product = stockedProduct(50, 200.00, 100.00);
        long client = sagaClient("WHOLESALE", 500.00);
        String id = placed(order(client, product, 6)); // 600.00 against a limit of 500.00
        awaitStatus(id, "REJECTED");
        given().get("/orders/" + id).then().body("rejection.code", equalTo("CREDIT"))
                .body("rejection.credit.credit_limit", equalTo(500.0f)).body("rejection.credit.order_total", equalTo(600.0f));
        awaitProduct(product, 50, 0);
        awaitCredit(client, 0f, 0f);
    }

    @Test
    @Order(4)
    void aRetailOrderNeedsNoCreditAndCancellingAConfirmedOrderReleasesEverything() {
        long product = stockedProduct(20, 250.00, 200.00);
        long retail = sagaClient("RETAIL", null);
        String id = placed(order(retail, product, 2));
        awaitStatus(id, "CONFIRMED");
        given().get("/orders/" + id).then().body("total", equalTo(500.0f)); // the retail price
        awaitProduct(product, 20, 2);

        long wholesale = sagaClient("WHOLESALE", 100_000.00);
        String other = placed(order(wholesale, product, 4));
        awaitStatus(other, "CONFIRMED");
        awaitCredit(wholesale, 0f, 800f);
        given().contentType(ContentType.JSON).body(Map.of("reason", "out of budget")).post("/orders/" + other + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        awaitProduct(product, 20, 2);
        awaitCredit(wholesale, 0f, 0f);
    }

    @Test
    @Order(5)
    void twoHundredConcurrentOrdersForFiftyUnitsNeverConfirmMoreThanTheStock() throws Exception {
        long product = stockedProduct(50, 20.00, 10.00);
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            buyers.add(sagaClient("WHOLESALE", 1_000_000.00));
        }
        List<Callable<Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long client = buyers.get(i % buyers.size());
            int quantity = 1 + i % 2;
            tasks.add(() -> place(UUID.randomUUID().toString(), order(client, product, quantity)));
        }
        List<String> ids = new ArrayList<>();
        for (Response r : Concurrently.run(20, tasks)) {
            r.then().statusCode(201);
            ids.add(r.path("id"));
        }
        ids.forEach(this::awaitFinal);
        long confirmedUnits = db.count("""
                select coalesce(sum(l.quantity), 0) from sales_order o join sales_order_line l on l.order_id = o.id
                where o.status = 'CONFIRMED' and l.product_id = ?""", product);
        assertTrue(confirmedUnits <= 50, confirmedUnits + " units confirmed of 50");
        assertTrue(confirmedUnits >= 49, "orders were rejected while stock was left: " + confirmedUnits + " confirmed");
        // what catalog-service holds is exactly what the confirmed orders hold: every rejection was released
        awaitProduct(product, 50, (int) confirmedUnits);
        assertEquals(0, db.count("select count(*) from sales_order where status = 'PENDING' and id = any(?::uuid[])",
                (Object) ids.toArray(String[]::new)));
    }

    @Test
    @Order(6)
    void ordersPlacedWhileCatalogServiceIsDownEndRejectedByTimeoutAndReleaseEverythingOnceItIsBack() {
        long product = stockedProduct(30, 20.00, 10.00);
        long client = sagaClient("WHOLESALE", 1_000_000.00);
        String before = placed(order(client, product, 1));
        awaitStatus(before, "CONFIRMED");

        catalog.kill();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(placed(order(client, product, 2)));
        }
        ids.forEach(id -> awaitStatus(id, "REJECTED"));
        for (String id : ids) {
            given().get("/orders/" + id).then().body("rejection.code", equalTo("TIMEOUT"))
                    .body("rejection.waiting_for", equalTo(List.of("stock")));
        }
        awaitCredit(client, 0f, 10f); // the credit of the rejected orders is back; the confirmed one still holds 10.00

        catalog.start();
        // catalog-service now reserves for each late order and releases it on its OrderRejected: once each
        awaitProduct(product, 30, 1);
        JsonPath ledger = given().baseUri(catalog.baseUrl()).queryParam("per_page", 100).get("/products/" + product + "/stock-ledger")
                .then().statusCode(200).extract().jsonPath();
        for (String id : ids) {
            assertTrue(ledger.getList("items.order_id").stream().filter(id::equals).count() <= 2,
                    "order " + id + " reserved at most once and released at most once");
        }
        ids.forEach(id -> assertEquals("REJECTED", status(id)));
    }
}
