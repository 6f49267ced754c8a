package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.catalog.StockReservationRejected;
import com.tsh.erp.events.catalog.StockReserved;
import com.tsh.erp.events.catalog.ShortReason;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.clients.CreditRejected;
import com.tsh.erp.events.clients.CreditRejection;
import com.tsh.erp.events.clients.CreditReserved;
import com.tsh.erp.events.clients.SalespersonKind;
import com.tsh.erp.events.clients.SalespersonUpserted;
import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.TestRun;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every {@code @QuarkusTest} of order-service stands on: the real servers and a database of
 * this run's own ({@link OrdersTestStack}), this run's topics ({@link #run}) and the database
 * ({@link #db}). The read models are filled the way production fills them: by events on the
 * run's topics, as catalog-service and client-service publish them.
 */
@OrdersTestStack
abstract class OrdersTestBase {

    /** Ids for read-model rows of this JVM's tests (the database is the run's own). */
    private static final AtomicLong IDS = new AtomicLong(1_000);

    protected final TestRun run = new TestRun();
    protected final Db db = new Db();

    protected static long nextId() {
        return IDS.incrementAndGet();
    }

    /** Sends an event as its producer would (a new event id, now) to this run's copy of its topic. */
    protected <P> UUID send(EventType<P> type, String aggregateId, long version, P payload) {
        UUID eventId = UUID.randomUUID();
        run.send(type.topic(), aggregateId, EventJson.write(new EventEnvelope<>(eventId, type.name(), type.aggregateType(),
                aggregateId, version, Instant.now(), "system:test", EventEnvelope.ORIGIN_TSH, null, null, payload)));
        return eventId;
    }

    /** Waits until order-service has handled these events (their ids are in its inbox). */
    protected void awaitHandled(UUID... eventIds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                db.count("select count(*) from tsh_inbox where event_id::text = any(?::text[])",
                        (Object) java.util.Arrays.stream(eventIds).map(UUID::toString).toArray(String[]::new)) == eventIds.length);
    }

    protected static ProductUpserted productState(long id, String sku, String retail, String wholesale, boolean active) {
        Instant now = Instant.now();
        return new ProductUpserted(id, sku, "Product " + sku, "منتج " + sku, null, null, null, "piece", new BigDecimal(retail),
                new BigDecimal(wholesale), new BigDecimal("1.00"), 100, 0, 100, 1, 5, active, List.of(), null, now, now);
    }

    /** A product known to order-service's read model (version 1), with these prices. */
    protected long product(String retail, String wholesale) {
        long id = nextId();
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, productState(id, "SKU-" + id, retail, wholesale, true));
        awaitRow("select count(*) from product_view where id = ?", id);
        return id;
    }

    protected static ClientUpserted clientState(long id, ClientType type, Long salespersonId, boolean active) {
        Instant now = Instant.now();
        return new ClientUpserted(id, "Client " + id, "عميل " + id, type, null, null, null, "Baghdad", "Central", salespersonId,
                new BigDecimal("1000000.00"), active, null, now, now);
    }

    protected long client(ClientType type, Long salespersonId) {
        long id = nextId();
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(id), 1, clientState(id, type, salespersonId, true));
        awaitRow("select count(*) from client_view where id = ?", id);
        return id;
    }

    protected long salesperson(String rate) {
        long id = nextId();
        send(ClientEvents.SALESPERSON_UPSERTED, String.valueOf(id), 1, new SalespersonUpserted(id, "Seller " + id, "بائع " + id, null, null,
                SalespersonKind.INTERNAL, "Central", new BigDecimal(rate), true, Instant.now()));
        awaitRow("select count(*) from salesperson_view where id = ?", id);
        return id;
    }

    protected void awaitRow(String countSql, Object... args) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> db.count(countSql, args) == 1);
    }

    /** An order body: client and (product id, quantity) pairs. */
    protected static Map<String, Object> order(long clientId, long... productsAndQuantities) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            lines.add(Map.of("product_id", productsAndQuantities[i], "quantity", productsAndQuantities[i + 1]));
        }
        return Map.of("client_id", clientId, "lines", lines);
    }

    protected static Response place(String key, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/orders");
    }

    /** Places an order with a fresh key; returns its id (201 expected). */
    protected static String placed(Object body) {
        return place(UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("id");
    }

    protected String status(String orderId) {
        return db.text("select status from sales_order where id = ?::uuid", orderId);
    }

    protected void awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(status(orderId)));
    }

    // --- participants' answers, as catalog-service and client-service send them (version: the OrderPlaced's, 1)

    protected void stockReserved(String orderId) {
        send(CatalogEvents.STOCK_RESERVED, orderId, 1, new StockReserved(orderId, List.of()));
    }

    protected void stockRejected(String orderId, long productId, int requested, int available) {
        send(CatalogEvents.STOCK_RESERVATION_REJECTED, orderId, 1, new StockReservationRejected(orderId,
                List.of(new StockReservationRejected.ShortLine(productId, "SKU-" + productId, requested, available, ShortReason.INSUFFICIENT_STOCK))));
    }

    protected void creditReserved(String orderId, long clientId, String amount) {
        send(ClientEvents.CREDIT_RESERVED, orderId, 1, new CreditReserved(orderId, clientId, new BigDecimal(amount)));
    }

    protected void creditRejected(String orderId, long clientId) {
        send(ClientEvents.CREDIT_REJECTED, orderId, 1, new CreditRejected(orderId, clientId, CreditRejection.CREDIT_LIMIT_EXCEEDED,
                new BigDecimal("1000.00"), new BigDecimal("900.00"), new BigDecimal("50.00"), new BigDecimal("200.00"), new BigDecimal("50.00")));
    }
}
