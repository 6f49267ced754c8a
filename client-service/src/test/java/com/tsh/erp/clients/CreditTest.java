package com.tsh.erp.clients;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.clients.service.CreditReservations;
import com.tsh.erp.devstack.TopicProbe;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.CreditRejected;
import com.tsh.erp.events.orders.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ClientsTestStack
class CreditTest {

    @Inject
    CreditReservations credit;
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

    private long answers(String type, List<OrderPlaced> orders) {
        String ids = orders.stream().map(o -> "'" + o.orderId() + "'").collect(Collectors.joining(","));
        return People.count(dataSource, "select count(*) from tsh_outbox where event_type = ? and message_key in (" + ids + ")", type);
    }

    private BigDecimal held(long client) {
        return new BigDecimal(People.text(dataSource,
                "select coalesce(sum(amount), 0) from credit_reservation where client_id = ? and status = 'RESERVED'", client));
    }

    @Test
    void concurrentOrdersNeverTakeAClientPastItsLimit() throws Exception {
        long client = People.wholesale("Limit " + UUID.randomUUID(), 1_000_000);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orders.add(Orders.placed(client, "WHOLESALE", 30_000)); // 33 fit, the 34th would pass the limit
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Boolean> outcomes = new ArrayList<>();
        try {
            List<Callable<Boolean>> work = orders.stream()
                    .map(o -> (Callable<Boolean>) () -> QuarkusTransaction.requiringNew().call(() -> credit.reserve(o))).toList();
            for (Future<Boolean> f : pool.invokeAll(work)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(33, outcomes.stream().filter(b -> b).count());
        assertEquals(0, new BigDecimal("990000.00").compareTo(held(client)));
        assertEquals(33, answers("CreditReserved", orders));
        assertEquals(67, answers("CreditRejected", orders));

        String rejectedJson = People.text(dataSource, "select envelope::text from tsh_outbox where event_type = 'CreditRejected' and message_key in ("
                + orders.stream().map(o -> "'" + o.orderId() + "'").collect(Collectors.joining(",")) + ") limit 1");
        CreditRejected r = EventJson.payload(EventJson.read(rejectedJson), ClientEvents.CREDIT_REJECTED).payload();
        assertEquals("CREDIT_LIMIT_EXCEEDED", r.reason());
        assertEquals(0, new BigDecimal("1000000.00").compareTo(r.creditLimit()));
        assertEquals(0, new BigDecimal("990000.00").compareTo(r.reservedCredit()));
        assertEquals(0, new BigDecimal("10000.00").compareTo(r.availableCredit()));
    }

    @Test
    void theSagaThroughKafkaHoldsReleasesAndDebitsOnceWhateverIsRedelivered() {
        long client = People.wholesale("Saga " + UUID.randomUUID(), 100_000);
        long retail = People.client(People.clientBody("Retail " + UUID.randomUUID(), "RETAIL"));
        OrderPlaced a = Orders.placed(client, "WHOLESALE", 60_000);
        OrderPlaced b = Orders.placed(client, "WHOLESALE", 50_000); // over the limit while a is held
        OrderPlaced cash = Orders.placed(retail, "RETAIL", 900_000);
        String aPlaced = Orders.placedEvent(a);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), aPlaced);
        await().atMost(Duration.ofSeconds(30)).until(() -> answers("CreditReserved", List.of(a)) == 1);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), b.orderId(), Orders.placedEvent(b));
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), cash.orderId(), Orders.placedEvent(cash));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers("CreditRejected", List.of(b)) == 1
                && answers("CreditReserved", List.of(cash)) == 1);

        // delivered twice (redelivery) and re-placed: one debit, nothing held
        String delivered = Orders.deliveredEvent(a.orderId());
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), delivered);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), delivered);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), aPlaced);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), Orders.deliveredEvent(a.orderId()));
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), Orders.cancelledEvent(a.orderId()));
        String marker = Orders.cancelledEvent(a.orderId());
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), a.orderId(), marker);
        UUID markerId = EventJson.read(marker).eventId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                People.count(dataSource, "select count(*) from tsh_inbox where event_id = ?", markerId) == 1);

        assertEquals(1, People.count(dataSource, "select count(*) from client_ledger where order_id = ?", a.orderId()));
        assertEquals(0, new BigDecimal("60000.00").compareTo(new BigDecimal(People.text(dataSource,
                "select balance from client where id = ?", client))));
        assertEquals(0, held(client).signum());
        assertEquals(0, People.count(dataSource, "select count(*) from client_ledger where client_id = ?", retail),
                "retail orders hold no credit and are not debited");

        // c fits exactly: balance 60,000 + 40,000 = the limit; cancelling it releases the hold
        OrderPlaced c = Orders.placed(client, "WHOLESALE", 40_000);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), c.orderId(), Orders.placedEvent(c));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers("CreditReserved", List.of(c)) == 1);
        TopicProbe.send(bootstrap, topic(Topics.ORDERS_ORDERS), c.orderId(), Orders.cancelledEvent(c.orderId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> held(client).signum() == 0);
        assertTrue(People.count(dataSource, "select count(*) from credit_reservation where order_id = ? and status = 'RELEASED'", c.orderId()) == 1);
    }
}
