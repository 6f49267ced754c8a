package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Placing an order: checked against the read models, priced once, numbered, and OrderPlaced written with it. */
@QuarkusTest
class PlaceOrderTest extends OrdersTestBase {

    @Test
    void aWholesaleOrderIsPricedAtWholesaleMergedDiscountedAndPlacedPending() {
        long seller = salesperson("3.00");
        long client = client(ClientType.WHOLESALE, seller);
        long cable = product("7000.00", "6000.00");
        long charger = product("21000.00", "18500.50");
        Map<String, Object> body = Map.of("client_id", client, "discount_percent", 2.5, "note", "  deliver before noon ",
                "lines", List.of(Map.of("product_id", cable, "quantity", 3), Map.of("product_id", charger, "quantity", 1),
                        Map.of("product_id", cable, "quantity", 1)));

        Response r = place(UUID.randomUUID().toString(), body);
        r.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", "/orders/" + r.path("id"))
                .body("status", equalTo("PENDING"))
                .body("number", matchesPattern("SO-20[0-9]{2}-[0-9]{6}"))
                .body("channel", equalTo("WHOLESALE"))
                .body("salesperson_id", equalTo((int) seller)) // the client's, by default
                .body("lines.size()", equalTo(2)) // the cable twice is one line of 4
                .body("lines[0].quantity", equalTo(4))
                .body("lines[0].unit_price", equalTo(6000.0f))
                .body("lines[0].line_total", equalTo(24000.0f))
                .body("lines[0].name_ar", equalTo("منتج SKU-" + cable))
                .body("lines[1].unit_price", equalTo(18500.5f))
                .body("note", equalTo("deliver before noon"))
                .body("history[0].to_status", equalTo("PENDING"))
                .body("history[0].from_status", nullValue());
        String id = r.path("id");
        // 42,500.50 less 2.5% = 1,062.5125, rounded half-up once: 1,062.51
        assertEquals("42500.50", db.text("select subtotal from sales_order where id = ?::uuid", id));
        assertEquals("1062.51", db.text("select discount from sales_order where id = ?::uuid", id));
        assertEquals("41437.99", db.text("select total from sales_order where id = ?::uuid", id));
        given().get("/orders/" + id).then().statusCode(200).body("total", equalTo(41437.99f))
                .body("currency", equalTo("IQD")).body("discount_percent", equalTo(2.5f));
        given().get("/orders/by-number/" + r.path("number")).then().statusCode(200).body("id", equalTo(id));

        List<EventEnvelope<JsonNode>> events = run.events(Topics.ORDERS_ORDERS, id, 1);
        assertEquals(1, events.size());
        EventEnvelope<JsonNode> placed = events.get(0);
        assertEquals("OrderPlaced", placed.eventType());
        assertEquals(1, placed.aggregateVersion());
        assertEquals("41437.99", placed.payload().get("total").decimalValue().toPlainString());
        assertEquals(client, placed.payload().get("clientId").asLong());
        assertEquals(2, placed.payload().get("lines").size());
        assertEquals(4, placed.payload().get("lines").get(0).get("quantity").asInt());
    }

    @Test
    void aRetailClientPaysTheRetailPrice() {
        long client = client(ClientType.RETAIL, null);
        long product = product("250.75", "200.00");
        String id = placed(order(client, product, 2));
        given().get("/orders/" + id).then().body("channel", equalTo("RETAIL")).body("total", equalTo(501.5f))
                .body("salesperson_id", nullValue());
    }

    @Test
    void unknownOrInactiveIsOne422NamingEveryBadLineAndNothingIsStored() {
        long client = client(ClientType.WHOLESALE, null);
        long good = product("10.00", "9.00");
        long inactive = nextId();
        awaitHandled(send(com.tsh.erp.events.catalog.CatalogEvents.PRODUCT_UPSERTED, String.valueOf(inactive), 1,
                productState(inactive, "OFF-" + inactive, "5.00", "4.00", false)));
        long before = db.count("select count(*) from sales_order");
        Map<String, Object> body = Map.of("client_id", client, "salesperson_id", 987654321,
                "lines", List.of(Map.of("product_id", good, "quantity", 1), Map.of("product_id", 99999999, "quantity", 1),
                        Map.of("product_id", inactive, "quantity", 1)));
        place(UUID.randomUUID().toString(), body).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("lines[1].product_id", "lines[2].product_id", "salesperson_id"));
        place(UUID.randomUUID().toString(), order(424242424L, good, 1)).then().statusCode(422)
                .body("errors[0].field", equalTo("client_id"));
        // 6,000 + 5,000 of one product: more than 10,000 units once merged
        place(UUID.randomUUID().toString(), order(client, good, 6000, good, 5000)).then().statusCode(422)
                .body("errors[0].field", equalTo("lines[1].quantity"));
        assertEquals(before, db.count("select count(*) from sales_order"));
        assertEquals(0, db.count("select count(*) from tsh_idempotency_key where status = 0"));
    }

    @Test
    void anInactiveClientCannotOrder() {
        long id = nextId();
        awaitHandled(send(com.tsh.erp.events.clients.ClientEvents.CLIENT_UPSERTED, String.valueOf(id), 1,
                clientState(id, ClientType.RETAIL, null, false)));
        place(UUID.randomUUID().toString(), order(id, product("1.00", "1.00"), 1)).then().statusCode(422)
                .body("errors[0].field", equalTo("client_id")).body("errors[0].message", equalTo("client " + id + " is inactive"));
    }

    @Test
    void anOrderTooBigForItsColumnsIs422NotAnOverflow() {
        long client = client(ClientType.WHOLESALE, null);
        long dear = product("999999999999.99", "999999999999.99");
        place(UUID.randomUUID().toString(), order(client, dear, 2)).then().statusCode(422)
                .body("errors[0].field", equalTo("lines[0].quantity"));
        long half = product("600000000000.00", "600000000000.00");
        place(UUID.randomUUID().toString(), order(client, half, 1, product("500000000000.00", "500000000000.00"), 1)).then()
                .statusCode(422).body("errors[0].field", equalTo("lines"));
    }

    @Test
    void theKeyIsRequiredAndARetryGetsTheSameAnswerWhileAnotherBodyIs422() {
        long client = client(ClientType.RETAIL, null);
        long product = product("100.00", "90.00");
        given().contentType(ContentType.JSON).body(order(client, product, 1)).post("/orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));

        String key = UUID.randomUUID().toString();
        Response first = place(key, order(client, product, 1));
        first.then().statusCode(201);
        Response again = place(key, order(client, product, 1));
        again.then().statusCode(201).header("Location", "/orders/" + first.path("id"));
        assertEquals(first.asString(), again.asString());
        place(key, order(client, product, 2)).then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, db.count("select count(*) from sales_order where client_id = ?", client));
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeOneOrderAndOneOrderPlaced() throws Exception {
        long client = client(ClientType.WHOLESALE, null);
        long product = product("100.00", "90.00");
        String key = UUID.randomUUID().toString();
        List<Callable<Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> place(key, order(client, product, 3)));
        }
        List<Response> answers = Concurrently.run(20, tasks);
        Set<String> ids = new java.util.HashSet<>();
        for (Response a : answers) {
            a.then().statusCode(201);
            ids.add(a.path("id"));
        }
        assertEquals(1, ids.size());
        assertEquals(1, db.count("select count(*) from sales_order where client_id = ?", client));
        String id = ids.iterator().next();
        assertEquals(1, db.count("select count(*) from tsh_outbox where message_key = ? and event_type = 'OrderPlaced'", id));
        assertEquals(1, run.events(Topics.ORDERS_ORDERS, List.of(id), Set.of("OrderPlaced"), 1).get(id).size());
    }
}
