package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.clients.ClientType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * order-service's side of the saga, with the participants' answers sent as catalog-service and
 * client-service send them: in either order, twice, late; and the transitions after it.
 */
@QuarkusTest
class SagaAnswersTest extends OrdersTestBase {

    private static final Set<String> ORDER_EVENTS = Set.of("OrderPlaced", "OrderConfirmed", "OrderRejected", "OrderCancelled",
            "OrderDelivered");

    private long client;
    private long product;

    private String newOrder() {
        if (client == 0) {
            client = client(ClientType.WHOLESALE, salesperson("4.00"));
            product = product("120.00", "100.00");
        }
        return placed(order(client, product, 2));
    }

    private List<EventEnvelope<JsonNode>> events(String orderId, int expected) {
        return run.events(Topics.ORDERS_ORDERS, List.of(orderId), ORDER_EVENTS, expected).get(orderId);
    }

    @Test
    void bothYesInEitherOrderConfirmOnceEvenWhenAnswersComeTwice() {
        String a = newOrder();
        stockReserved(a);
        creditReserved(a, client, "200.00");
        String b = newOrder();
        creditReserved(b, client, "200.00");
        creditReserved(b, client, "200.00"); // a participant repeating its answer under a new event id
        stockReserved(b);
        stockReserved(b);
        awaitStatus(a, "CONFIRMED");
        awaitStatus(b, "CONFIRMED");

        for (String id : List.of(a, b)) {
            List<EventEnvelope<JsonNode>> events = events(id, 2);
            assertEquals(List.of("OrderPlaced", "OrderConfirmed"), events.stream().map(EventEnvelope::eventType).toList());
            EventEnvelope<JsonNode> confirmed = events.get(1);
            assertEquals(2, confirmed.aggregateVersion());
            assertEquals("200.00", confirmed.payload().get("total").decimalValue().toPlainString());
            assertEquals(db.text("select number from sales_order where id = ?::uuid", id), confirmed.payload().get("orderNumber").asText());
            assertEquals("منتج SKU-" + product, confirmed.payload().get("lines").get(0).get("nameAr").asText());
        }
        given().get("/orders/" + b).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("history.to_status", equalTo(List.of("PENDING", "CONFIRMED")))
                .body("history[1].actor", equalTo("system:order-saga"));
    }

    @Test
    void aShortLineRejectsWithWhatWasAvailableAndALateYesChangesNothing() {
        String id = newOrder();
        stockRejected(id, product, 2, 1);
        awaitStatus(id, "REJECTED");
        creditReserved(id, client, "200.00"); // late: client-service releases it on the OrderRejected already written
        given().get("/orders/" + id).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejection.code", equalTo("STOCK"))
                .body("rejection.short_lines[0].product_id", equalTo((int) product))
                .body("rejection.short_lines[0].requested", equalTo(2))
                .body("rejection.short_lines[0].available", equalTo(1))
                .body("history[1].reason", startsWith("STOCK"));
        List<EventEnvelope<JsonNode>> events = events(id, 2);
        assertEquals(List.of("OrderPlaced", "OrderRejected"), events.stream().map(EventEnvelope::eventType).toList());
        assertEquals("STOCK", events.get(1).payload().get("reason").asText());
        assertEquals("REJECTED", status(id));
    }

    @Test
    void noCreditRejectsWithTheFigures() {
        String id = newOrder();
        stockReserved(id);
        creditRejected(id, client);
        awaitStatus(id, "REJECTED");
        given().get("/orders/" + id).then().body("rejection.code", equalTo("CREDIT"))
                .body("rejection.credit.reason", equalTo("CREDIT_LIMIT_EXCEEDED"))
                .body("rejection.credit.credit_limit", equalTo(1000.0f))
                .body("rejection.credit.available_credit", equalTo(50.0f));
        assertEquals("CREDIT", events(id, 2).get(1).payload().get("reason").asText());
    }

    @Test
    void anOrderWaitingTooLongIsRejectedForTimeoutAndLateAnswersDoNoHarm() {
        String id = newOrder();
        stockReserved(id);
        awaitHandledStock(id);
        db.exec("update sales_order set placed_at = placed_at - interval '1 hour' where id = ?::uuid", id);
        awaitStatus(id, "REJECTED");
        given().get("/orders/" + id).then().body("rejection.code", equalTo("TIMEOUT"))
                .body("rejection.waiting_for", equalTo(List.of("credit")));
        creditReserved(id, client, "200.00");
        List<EventEnvelope<JsonNode>> events = events(id, 2);
        assertEquals(List.of("OrderPlaced", "OrderRejected"), events.stream().map(EventEnvelope::eventType).toList());
        assertEquals("TIMEOUT", events.get(1).payload().get("reason").asText());
        assertEquals("REJECTED", status(id));
    }

    private void awaitHandledStock(String id) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "YES".equals(db.text("select stock_answer from sales_order where id = ?::uuid", id)));
    }

    @Test
    void cancelDeliverAndTheTransitionsThatAreNotAllowed() {
        String pending = newOrder();
        given().post("/orders/" + pending + "/deliver").then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("illegal-transition"));
        given().contentType("application/json").body(Map.of("reason", "client changed their mind")).post("/orders/" + pending + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("history[1].reason", equalTo("client changed their mind"));
        cancel(pending).then().statusCode(409);
        stockReserved(pending); // late answers for a cancelled order
        creditReserved(pending, client, "200.00");

        String confirmed = newOrder();
        stockReserved(confirmed);
        creditReserved(confirmed, client, "200.00");
        awaitStatus(confirmed, "CONFIRMED");
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key).post("/orders/" + confirmed + "/deliver").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("commission_rate", equalTo(4.0f)).extract().asString();
        // the phone did not see the answer and tries again: the same answer, not a 409
        assertEquals(first, given().header("Idempotency-Key", key).post("/orders/" + confirmed + "/deliver").then().statusCode(200)
                .extract().asString());
        given().post("/orders/" + confirmed + "/deliver").then().statusCode(409);
        cancel(confirmed).then().statusCode(409);

        List<EventEnvelope<JsonNode>> events = events(confirmed, 3);
        assertEquals(List.of("OrderPlaced", "OrderConfirmed", "OrderDelivered"), events.stream().map(EventEnvelope::eventType).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(EventEnvelope::aggregateVersion).toList());
        List<EventEnvelope<JsonNode>> cancelled = events(pending, 2);
        assertEquals(List.of("OrderPlaced", "OrderCancelled"), cancelled.stream().map(EventEnvelope::eventType).toList());
        assertEquals("CANCELLED", status(pending));
        assertEquals(3, db.count("select count(*) from sales_order_transition where order_id = ?::uuid", confirmed));
    }

    private static io.restassured.response.Response cancel(String id) {
        return given().contentType("application/json").body("{}").post("/orders/" + id + "/cancel");
    }

    @Test
    void anUnknownOrderIs404AndABadIdIs400() {
        given().get("/orders/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/orders/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        cancel(UUID.randomUUID().toString()).then().statusCode(404);
        given().get("/orders/by-number/SO-1999-000001").then().statusCode(404);
    }
}
