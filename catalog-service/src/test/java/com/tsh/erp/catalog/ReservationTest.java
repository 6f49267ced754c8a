package com.tsh.erp.catalog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.catalog.service.StockReservations;
import com.tsh.erp.devstack.TopicProbe;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.orders.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CatalogTestStack
class ReservationTest {

    @Inject
    StockReservations reservations;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "tsh.test.run-id")
    String runId;

    /** This run's own copy of a topic (tsh.outbox.topic-prefix), so no other run's events mix in. */
    private String topic(String name) {
        return runId + "." + name;
    }
    private Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    @AfterEach
    void figuresAlwaysEqualTheLedger() {
        assertEquals(0, db.count("""
                select count(*) from product p where
                  p.stock_on_hand <> (select coalesce(sum(on_hand_delta), 0) from stock_ledger l where l.product_id = p.id)
                  or p.reserved <> (select coalesce(sum(reserved_delta), 0) from stock_ledger l where l.product_id = p.id)
                  or p.reserved <> (select coalesce(sum(quantity), 0) from stock_reservation r where r.product_id = p.id and r.status = 'RESERVED')
                  or p.available < 0"""), "stock figures, ledger and reservations agree, and nothing is oversold");
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsReserveExactlyFifty() throws Exception {
        long product = Catalog.product("Hot item", "سلعة مطلوبة", 50);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            orders.add(Orders.placed(product));
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
            orders.add(i % 2 == 0 ? Orders.placed(a, b) : Orders.placed(b, a)); // lines in both orders
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
            OrderPlaced o = Orders.placed(product);
            orders.add(o);
            events.add(Orders.placedEvent(o));
        }
        for (int i = 0; i < orders.size(); i++) {
            TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), orders.get(i).orderId(), events.get(i));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> answers("StockReserved", orders) + answers("StockReservationRejected", orders) == 200);
        assertEquals(50, answers("StockReserved", orders));
        assertEquals(50, db.count("select reserved from product where id = ?", product));
        long ledgerRows = db.count("select count(*) from stock_ledger where product_id = ?", product);

        // the same events again (a consumer that crashed before committing its offsets)...
        for (int i = 0; i < 60; i++) {
            TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), orders.get(i).orderId(), events.get(i));
        }
        // ...and the same orders again under new event ids (order-service re-sending)
        for (int i = 0; i < 20; i++) {
            TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), orders.get(i).orderId(), Orders.placedEvent(orders.get(i)));
        }
        // then an event catalog-service has no use for, on each of those keys: per-key order means that once
        // all of these are recorded, every redelivery before them was handled
        List<java.util.UUID> markers = new ArrayList<>();
        for (OrderPlaced o : orders.subList(0, 60)) {
            String noted = Orders.envelope(new com.tsh.erp.events.EventType<>("OrderNoted", "Order", Topics.ORDERS_ORDERS,
                    java.util.Map.class), o.orderId(), 9, java.util.Map.of("orderId", o.orderId()));
            markers.add(com.tsh.erp.events.EventJson.read(noted).eventId());
            TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), o.orderId(), noted);
        }
        String markerIds = markers.stream().map(m -> "'" + m + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from tsh_inbox where event_id in (" + markerIds + ")") == markers.size());

        assertEquals(50, db.count("select reserved from product where id = ?", product), "redeliveries reserved nothing more");
        assertEquals(ledgerRows, db.count("select count(*) from stock_ledger where product_id = ?", product));
        assertEquals(50, answers("StockReserved", orders), "no second answer for a redelivered order");
    }

    @Test
    void cancellingReleasesAndDeliveringTakesStockOut() {
        long product = Catalog.product("Flow item", "سلعة", 10);
        OrderPlaced cancelled = Orders.placed(product, product); // two lines of the same product: 2 units
        OrderPlaced delivered = Orders.placed(product);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), cancelled.orderId(), Orders.placedEvent(cancelled));
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), delivered.orderId(), Orders.placedEvent(delivered));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select reserved from product where id = ?", product) == 3);

        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), cancelled.orderId(), Orders.cancelledEvent(cancelled.orderId()));
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), delivered.orderId(), Orders.deliveredEvent(delivered.orderId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select reserved from product where id = ?", product) == 0
                && db.count("select stock_on_hand from product where id = ?", product) == 9);
        // cancelling again (or after delivery) gives nothing back twice
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), cancelled.orderId(), Orders.cancelledEvent(cancelled.orderId()));
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), delivered.orderId(), Orders.cancelledEvent(delivered.orderId()));
        OrderPlaced after = Orders.placed(product);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), after.orderId(), Orders.placedEvent(after));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers("StockReserved", List.of(after)) == 1);
        assertEquals(9, db.count("select stock_on_hand from product where id = ?", product));
        assertEquals(1, db.count("select reserved from product where id = ?", product));
        assertEquals(1, db.count("select count(*) from stock_ledger where order_id = ? and reason = 'RELEASE'", cancelled.orderId()));
        assertEquals(1, db.count("select count(*) from stock_ledger where order_id = ? and reason = 'DELIVERY'", delivered.orderId()));
    }

    @Test
    void unknownAndInactiveProductsRejectTheWholeOrder() {
        long fine = Catalog.product("Fine", "جيد", 5);
        OrderPlaced order = Orders.placed(fine, 987654321L);
        QuarkusTransaction.requiringNew().run(() -> assertTrue(!reservations.reserve(order)));
        assertEquals(0, db.count("select reserved from product where id = ?", fine));
        assertEquals(1, answers("StockReservationRejected", List.of(order)));
    }

    private List<Boolean> concurrently(List<OrderPlaced> orders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> work = orders.stream()
                    .map(o -> (Callable<Boolean>) () -> QuarkusTransaction.requiringNew().call(() -> reservations.reserve(o)))
                    .toList();
            List<Boolean> out = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(work)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private long answers(String eventType, List<OrderPlaced> orders) {
        String ids = orders.stream().map(o -> "'" + o.orderId() + "'").collect(Collectors.joining(","));
        return db.count("select count(*) from tsh_outbox where event_type = ? and message_key in (" + ids + ")", eventType);
    }
}
