package com.tsh.erp.catalog;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.Concurrently;
import com.tsh.erp.events.OrderMother;
import com.tsh.erp.catalog.service.StockReservations;
import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.StockReservationRejected;
import com.tsh.erp.events.catalog.ShortReason;
import com.tsh.erp.events.catalog.StockReservationRejected.ShortLine;
import com.tsh.erp.events.orders.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReservationTest extends CatalogTestBase {

    @Inject
    StockReservations reservations;

    @AfterEach
    void figuresAlwaysEqualTheLedger() {
        assertStockFiguresEqualTheLedger();
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsReserveExactlyFifty() throws Exception {
        long product = Catalog.product("Hot item", "سلعة مطلوبة", 50);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            orders.add(OrderMother.ofProducts(product));
        }
        List<Boolean> outcomes = concurrently(orders);

        assertEquals(50, outcomes.stream().filter(b -> b).count());
        assertEquals(150, outcomes.stream().filter(b -> !b).count());
        assertEquals(50, db.count("select reserved from product where id = ?", product));
        assertEquals(0, db.count("select available from product where id = ?", product));
        assertEquals(50, answers("StockReserved", orders));
        assertEquals(150, answers("StockReservationRejected", orders));
    }

    @Test
    void overlappingMultiLineOrdersReserveAllLinesOrNoneWithoutDeadlocks() throws Exception {
        long a = Catalog.product("Line A", "بند أ", 40);
        long b = Catalog.product("Line B", "بند ب", 25);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orders.add(i % 2 == 0 ? OrderMother.ofProducts(a, b) : OrderMother.ofProducts(b, a)); // lines in both orders
        }
        List<Boolean> outcomes = concurrently(orders);

        assertEquals(25, outcomes.stream().filter(x -> x).count(), "B runs out after 25 orders");
        assertEquals(25, db.count("select reserved from product where id = ?", a), "A is reserved only with B");
        assertEquals(25, db.count("select reserved from product where id = ?", b));
        assertEquals(15, db.count("select available from product where id = ?", a));
    }

    @Test
    void ordersFromKafkaNeverOversellAndRedeliveriesChangeNothing() throws Exception {
        long product = Catalog.product("Kafka item", "سلعة كافكا", 50);
        List<OrderPlaced> orders = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            OrderPlaced o = OrderMother.ofProducts(product);
            orders.add(o);
            events.add(OrderMother.placedEvent(o));
        }
        for (int i = 0; i < orders.size(); i++) {
            run.send(Topics.ORDERS_ORDERS, orders.get(i).orderId(), events.get(i));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count("select count(*) from tsh_saga_answer where request_id in ("
                + orders.stream().map(o -> "'" + o.orderId() + "'").collect(Collectors.joining(",")) + ")") == 200);
        assertEquals(50, db.count("select reserved from product where id = ?", product));
        long ledgerRows = db.count("select count(*) from stock_ledger where product_id = ?", product);

        // the same events again (a consumer that crashed before committing its offsets)...
        for (int i = 0; i < 60; i++) {
            run.send(Topics.ORDERS_ORDERS, orders.get(i).orderId(), events.get(i));
        }
        // ...and the same orders again under new event ids (order-service re-sending)
        for (int i = 0; i < 20; i++) {
            run.send(Topics.ORDERS_ORDERS, orders.get(i).orderId(), OrderMother.placedEvent(orders.get(i)));
        }
        // then an event catalog-service has no use for, on each of those keys: per-key order means that once
        // all of these are recorded, every redelivery before them was handled
        List<java.util.UUID> markers = new ArrayList<>();
        for (OrderPlaced o : orders.subList(0, 60)) {
            String noted = OrderMother.event(new com.tsh.erp.events.EventType<>("OrderNoted", "Order", Topics.ORDERS_ORDERS,
                    java.util.Map.class), o.orderId(), 9, java.util.Map.of("orderId", o.orderId()));
            markers.add(com.tsh.erp.events.EventJson.read(noted).eventId());
            run.send(Topics.ORDERS_ORDERS, o.orderId(), noted);
        }
        String markerIds = markers.stream().map(m -> "'" + m + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from tsh_inbox where event_id in (" + markerIds + ")") == markers.size());

        assertEquals(50, db.count("select reserved from product where id = ?", product), "redeliveries reserved nothing more");
        assertEquals(ledgerRows, db.count("select count(*) from stock_ledger where product_id = ?", product));
        // on the topic, as order-service reads it: one answer an order, and a second, identical one for
        // each of the 20 re-sent orders (the redelivered event ids got none)
        Map<String, List<String>> byOrder = answersOnTopic(orders, 220);
        assertEquals(200, byOrder.size());
        assertEquals(50, byOrder.values().stream().filter(a -> a.get(0).equals("StockReserved")).count());
        assertEquals(150, byOrder.values().stream().filter(a -> a.get(0).equals("StockReservationRejected")).count());
        for (int i = 0; i < orders.size(); i++) {
            List<String> answers = byOrder.get(orders.get(i).orderId());
            assertEquals(i < 20 ? 2 : 1, answers.size(), "answers to order " + i);
            assertEquals(1, answers.stream().distinct().count(), "a re-sent order gets the same answer");
        }
    }

    @Test
    void cancellingReleasesAndDeliveringTakesStockOut() {
        long product = Catalog.product("Flow item", "سلعة", 10);
        OrderPlaced cancelled = OrderMother.ofProducts(product, product); // two lines of the same product: 2 units
        OrderPlaced delivered = OrderMother.ofProducts(product);
        run.send(Topics.ORDERS_ORDERS, cancelled.orderId(), OrderMother.placedEvent(cancelled));
        run.send(Topics.ORDERS_ORDERS, delivered.orderId(), OrderMother.placedEvent(delivered));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select reserved from product where id = ?", product) == 3);

        run.send(Topics.ORDERS_ORDERS, cancelled.orderId(), OrderMother.cancelledEvent(cancelled.orderId()));
        run.send(Topics.ORDERS_ORDERS, delivered.orderId(), OrderMother.deliveredEvent(delivered.orderId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select reserved from product where id = ?", product) == 0
                && db.count("select stock_on_hand from product where id = ?", product) == 9);
        // cancelling again (or after delivery) gives nothing back twice
        run.send(Topics.ORDERS_ORDERS, cancelled.orderId(), OrderMother.cancelledEvent(cancelled.orderId()));
        run.send(Topics.ORDERS_ORDERS, delivered.orderId(), OrderMother.cancelledEvent(delivered.orderId()));
        OrderPlaced after = OrderMother.ofProducts(product);
        run.send(Topics.ORDERS_ORDERS, after.orderId(), OrderMother.placedEvent(after));
        assertEquals(List.of("StockReserved"), answersOnTopic(List.of(after), 1).get(after.orderId()));
        assertEquals(9, db.count("select stock_on_hand from product where id = ?", product));
        assertEquals(1, db.count("select reserved from product where id = ?", product));
        assertEquals(1, db.count("select count(*) from stock_ledger where order_id = ? and reason = 'RELEASE'", cancelled.orderId()));
        assertEquals(1, db.count("select count(*) from stock_ledger where order_id = ? and reason = 'DELIVERY'", delivered.orderId()));
    }

    @Test
    void unknownAndInactiveProductsRejectTheWholeOrder() {
        long fine = Catalog.product("Fine", "جيد", 5);
        long inactive = Catalog.product("Retired", "متوقف", 5);
        given().post("/products/" + inactive + "/deactivate").then().statusCode(200);
        OrderPlaced order = OrderMother.ofProducts(fine, 987654321L, inactive);

        QuarkusTransaction.requiringNew().run(() -> assertFalse(reservations.reserve(order, 1)));

        assertEquals(0, db.count("select reserved from product where id = ?", fine));
        assertEquals(0, db.count("select reserved from product where id = ?", inactive));
        StockReservationRejected answer = onlyAnswer(order, CatalogEvents.STOCK_RESERVATION_REJECTED);
        Map<Long, ShortReason> reasons = answer.shortLines().stream()
                .collect(Collectors.toMap(ShortLine::productId, ShortLine::reason));
        assertEquals(Map.of(987654321L, ShortReason.UNKNOWN_PRODUCT, inactive, ShortReason.INACTIVE_PRODUCT), reasons,
                "each bad line named with its reason; the good line is not short");
    }

    @Test
    void aReSentRejectedOrderIsAnsweredTheSameWayAfterStockArrives() {
        long product = Catalog.product("Scarce", "نادر", 1);
        OrderPlaced order = OrderMother.ofProducts(product, product); // 2 units of 1
        run.send(Topics.ORDERS_ORDERS, order.orderId(), OrderMother.placedEvent(order));
        assertEquals(List.of("StockReservationRejected"), answersOnTopic(List.of(order), 1).get(order.orderId()));

        given().contentType("application/json").body(Map.of("quantity_delta", 10, "reason", "goods received"))
                .post("/products/" + product + "/stock-adjustments").then().statusCode(201);
        run.send(Topics.ORDERS_ORDERS, order.orderId(), OrderMother.placedEvent(order)); // new event id

        assertEquals(List.of("StockReservationRejected", "StockReservationRejected"),
                answersOnTopic(List.of(order), 2).get(order.orderId()), "the same decision, not a new one");
        assertEquals(0, db.count("select reserved from product where id = ?", product));
        assertEquals(0, db.count("select count(*) from stock_reservation where order_id = ?", order.orderId()));
    }

    @Test
    void sagaAnswersCarryTheOrdersVersion() {
        long product = Catalog.product("Versioned", "مرقم", 5);
        OrderPlaced order = OrderMother.ofProducts(product);
        run.send(Topics.ORDERS_ORDERS, order.orderId(),
                OrderMother.event(com.tsh.erp.events.orders.OrderEvents.ORDER_PLACED, order.orderId(), 4, order));
        EventEnvelope<JsonNode> answer = run.events(Topics.CATALOG_STOCK, List.of(order.orderId()), ANSWER_TYPES, 1)
                .get(order.orderId()).get(0);
        assertEquals(4, answer.aggregateVersion());
    }

    private List<Boolean> concurrently(List<OrderPlaced> orders) throws Exception {
        return Concurrently.run(16, orders.stream()
                .map(o -> (Callable<Boolean>) () -> QuarkusTransaction.requiringNew().call(() -> reservations.reserve(o, 1)))
                .toList());
    }

    private long answers(String eventType, List<OrderPlaced> orders) {
        Map<String, List<String>> byOrder = answersOnTopic(orders, orders.size());
        return byOrder.values().stream().flatMap(List::stream).filter(eventType::equals).count();
    }

    private static final Set<String> ANSWER_TYPES = Set.of("StockReserved", "StockReservationRejected");

    /**
     * The saga answers for these orders as order-service will read them: from this run's catalog.stock
     * topic, each order's answer types in the order sent (an answer too many is seen too).
     */
    private Map<String, List<String>> answersOnTopic(List<OrderPlaced> orders, int expected) {
        Map<String, List<String>> byOrder = new LinkedHashMap<>();
        run.events(Topics.CATALOG_STOCK, orders.stream().map(OrderPlaced::orderId).toList(), ANSWER_TYPES, expected)
                .forEach((order, events) -> byOrder.put(order, events.stream().map(EventEnvelope::eventType).toList()));
        return byOrder;
    }

    private <P> P onlyAnswer(OrderPlaced order, EventType<P> type) {
        List<EventEnvelope<JsonNode>> all = run.events(Topics.CATALOG_STOCK, List.of(order.orderId()), ANSWER_TYPES, 1)
                .get(order.orderId());
        assertEquals(1, all.size(), "one answer");
        return EventJson.payload(all.get(0), type).payload();
    }
}
