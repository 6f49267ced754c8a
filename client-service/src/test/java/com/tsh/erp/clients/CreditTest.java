package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.events.OrderMother;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.CreditRejection;
import com.tsh.erp.clients.service.CreditReservations;
import com.tsh.erp.testing.Concurrently;
import com.tsh.erp.testing.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.orders.OrderEvents;
import io.restassured.http.ContentType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreditTest extends ClientsTestBase {

    @Inject
    CreditReservations credit;

    private long answers(String type, List<OrderPlaced> orders) {
        return answersOnTopic(orders, orders.size()).values().stream().flatMap(List::stream).filter(type::equals).count();
    }

    private static final Set<String> ANSWER_TYPES = Set.of("CreditReserved", "CreditRejected");

    /** The saga answers for these orders as order-service will read them, from this run's clients.credit topic. */
    private Map<String, List<EventEnvelope<JsonNode>>> answerEvents(List<OrderPlaced> orders, int expected) {
        return run.events(Topics.CLIENTS_CREDIT, orders.stream().map(OrderPlaced::orderId).toList(), ANSWER_TYPES, expected);
    }

    private Map<String, List<String>> answersOnTopic(List<OrderPlaced> orders, int expected) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        answerEvents(orders, expected).forEach((k, v) -> out.put(k, v.stream().map(EventEnvelope::eventType).toList()));
        return out;
    }

    private BigDecimal held(long client) {
        return new BigDecimal(db.text(
                "select coalesce(sum(amount), 0) from credit_reservation where client_id = ? and status = 'RESERVED'", client));
    }

    @Test
    void concurrentOrdersNeverTakeAClientPastItsLimit() throws Exception {
        long client = People.wholesale("Limit " + UUID.randomUUID(), 1_000_000);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orders.add(OrderMother.forClient(client, ClientType.WHOLESALE, 30_000)); // 33 fit, the 34th would pass the limit
        }
        List<Boolean> outcomes = Concurrently.run(16, orders.stream()
                .map(o -> (Callable<Boolean>) () -> QuarkusTransaction.requiringNew().call(() -> credit.reserve(o, 1))).toList());
        assertEquals(33, outcomes.stream().filter(b -> b).count());
        assertEquals(0, new BigDecimal("990000.00").compareTo(held(client)));
        assertEquals(33, answers("CreditReserved", orders));
        assertEquals(67, answers("CreditRejected", orders));

        EventEnvelope<JsonNode> rejected = answerEvents(orders, 100).values().stream().flatMap(List::stream)
                .filter(e -> e.eventType().equals("CreditRejected")).findFirst().orElseThrow();
        CreditRejected r = EventJson.payload(rejected, ClientEvents.CREDIT_REJECTED).payload();
        assertEquals(CreditRejection.CREDIT_LIMIT_EXCEEDED, r.reason());
        assertEquals(0, new BigDecimal("1000000.00").compareTo(r.creditLimit()));
        assertEquals(0, new BigDecimal("990000.00").compareTo(r.reservedCredit()));
        assertEquals(0, new BigDecimal("10000.00").compareTo(r.availableCredit()));
    }

    @Test
    void theSagaThroughKafkaHoldsReleasesAndDebitsOnceWhateverIsRedelivered() {
        long client = People.wholesale("Saga " + UUID.randomUUID(), 100_000);
        long retail = People.client(People.clientBody("Retail " + UUID.randomUUID(), "RETAIL"));
        OrderPlaced a = OrderMother.forClient(client, ClientType.WHOLESALE, 60_000);
        OrderPlaced b = OrderMother.forClient(client, ClientType.WHOLESALE, 50_000); // over the limit while a is held
        OrderPlaced cash = OrderMother.forClient(retail, ClientType.RETAIL, 900_000);
        String aPlaced = OrderMother.placedEvent(a);
        run.send(Topics.ORDERS_ORDERS, a.orderId(), aPlaced);
        assertEquals(List.of("CreditReserved"), answersOnTopic(List.of(a), 1).get(a.orderId()));
        run.send(Topics.ORDERS_ORDERS, b.orderId(), OrderMother.placedEvent(b));
        run.send(Topics.ORDERS_ORDERS, cash.orderId(), OrderMother.placedEvent(cash));
        assertEquals(List.of("CreditRejected"), answersOnTopic(List.of(b), 1).get(b.orderId()));
        assertEquals(List.of("CreditReserved"), answersOnTopic(List.of(cash), 1).get(cash.orderId()));

        // delivered twice (redelivery) and re-placed: one debit, nothing held
        String delivered = OrderMother.deliveredEvent(a.orderId());
        run.send(Topics.ORDERS_ORDERS, a.orderId(), delivered);
        run.send(Topics.ORDERS_ORDERS, a.orderId(), delivered);
        run.send(Topics.ORDERS_ORDERS, a.orderId(), aPlaced);
        run.send(Topics.ORDERS_ORDERS, a.orderId(), OrderMother.deliveredEvent(a.orderId()));
        run.send(Topics.ORDERS_ORDERS, a.orderId(), OrderMother.cancelledEvent(a.orderId()));
        String marker = OrderMother.cancelledEvent(a.orderId());
        run.send(Topics.ORDERS_ORDERS, a.orderId(), marker);
        UUID markerId = EventJson.read(marker).eventId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from tsh_inbox where event_id = ?", markerId) == 1);

        assertEquals(1, db.count("select count(*) from client_ledger where order_id = ?", a.orderId()));
        assertEquals(0, new BigDecimal("60000.00").compareTo(new BigDecimal(db.text(
                "select balance from client where id = ?", client))));
        assertEquals(0, held(client).signum());
        assertEquals(0, db.count("select count(*) from client_ledger where client_id = ?", retail),
                "retail orders hold no credit and are not debited");

        // c fits exactly: balance 60,000 + 40,000 = the limit; cancelling it releases the hold
        OrderPlaced c = OrderMother.forClient(client, ClientType.WHOLESALE, 40_000);
        run.send(Topics.ORDERS_ORDERS, c.orderId(), OrderMother.placedEvent(c));
        assertEquals(List.of("CreditReserved"), answersOnTopic(List.of(c), 1).get(c.orderId()));
        run.send(Topics.ORDERS_ORDERS, c.orderId(), OrderMother.cancelledEvent(c.orderId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> held(client).signum() == 0);
        assertTrue(db.count("select count(*) from credit_reservation where order_id = ? and status = 'RELEASED'", c.orderId()) == 1);
    }

    @Test
    void reSentOrdersGetTheSameDecisionWhateverChangedMeanwhile() {
        long client = People.wholesale("Re-sent " + UUID.randomUUID(), 100_000);
        long retail = People.client(People.clientBody("Counter " + UUID.randomUUID(), "RETAIL"));
        OrderPlaced tooBig = OrderMother.forClient(client, ClientType.WHOLESALE, 150_000);
        OrderPlaced cash = OrderMother.forClient(retail, ClientType.RETAIL, 10_000);
        run.send(Topics.ORDERS_ORDERS, tooBig.orderId(), OrderMother.placedEvent(tooBig));
        run.send(Topics.ORDERS_ORDERS, cash.orderId(), OrderMother.placedEvent(cash));
        assertEquals(List.of("CreditRejected"), answersOnTopic(List.of(tooBig), 1).get(tooBig.orderId()));

        // the client pays 100,000 in advance: the order would fit now, but it was decided already
        given().contentType(ContentType.JSON).body(Map.of("amount", 100_000, "method", "CASH", "reference", "ADV-" + client))
                .post("/clients/" + client + "/payments").then().statusCode(201);
        run.send(Topics.ORDERS_ORDERS, tooBig.orderId(), OrderMother.placedEvent(tooBig)); // new event ids
        run.send(Topics.ORDERS_ORDERS, cash.orderId(), OrderMother.placedEvent(cash));

        Map<String, List<EventEnvelope<JsonNode>>> answers = answerEvents(List.of(tooBig, cash), 4);
        assertEquals(List.of("CreditRejected", "CreditRejected"),
                answers.get(tooBig.orderId()).stream().map(EventEnvelope::eventType).toList());
        assertEquals(List.of("CreditReserved", "CreditReserved"),
                answers.get(cash.orderId()).stream().map(EventEnvelope::eventType).toList(), "not needed, twice alike");
        for (EventEnvelope<JsonNode> e : answers.get(cash.orderId())) {
            assertEquals(0, EventJson.payload(e, ClientEvents.CREDIT_RESERVED).payload().amount().signum());
        }
        assertEquals(0, held(client).signum(), "nothing held for the rejected order");
        assertEquals(0, db.count("select count(*) from credit_reservation where order_id in (?, ?)",
                tooBig.orderId(), cash.orderId()));
    }

    @Test
    void creditAnswersCarryTheOrdersVersion() {
        long client = People.wholesale("Versioned " + UUID.randomUUID(), 100_000);
        OrderPlaced order = OrderMother.forClient(client, ClientType.WHOLESALE, 1_000);
        run.send(Topics.ORDERS_ORDERS, order.orderId(),
                OrderMother.event(OrderEvents.ORDER_PLACED, order.orderId(), 7, order));
        assertEquals(7, answerEvents(List.of(order), 1).get(order.orderId()).get(0).aggregateVersion());
    }
}
