package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.OrderMother;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.clients.service.CreditReservations;
import com.tsh.erp.events.orders.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerTest extends ClientsTestBase {

    @Inject
    CreditReservations credit;

    @AfterEach
    void balancesAreTheLedgersSum() {
        assertBalancesAreTheLedgersSum();
    }

    private static void pay(long client, double amount, String reference, int status) {
        given().contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "method", "CASH", "reference", reference))
                .post("/clients/" + client + "/payments").then().statusCode(status);
    }

    @Test
    void statementAndBalanceAgreeAfterDeliveriesPaymentsAndAdjustments() {
        long client = People.wholesale("Statement " + UUID.randomUUID(), 5_000_000);
        OrderPlaced order = OrderMother.forClient(client, ClientType.WHOLESALE, 250_000);
        QuarkusTransaction.requiringNew().run(() -> {
            credit.reserve(order, 1);
            credit.deliver(order.orderId());
        });
        pay(client, 100_000, "RCPT-" + client + "-1", 201);
        given().contentType(ContentType.JSON).body(Map.of("kind", "CREDIT_NOTE", "amount", 20_000, "reference", "CN-" + client, "reason", "damaged goods returned"))
                .post("/clients/" + client + "/adjustments").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("kind", "ADJUSTMENT", "amount", -5_000.50, "reason", "rounding agreed with the client"))
                .post("/clients/" + client + "/adjustments").then().statusCode(201)
                .body("balance", equalTo(124_999.50f));

        JsonPath s = given().get("/clients/" + client + "/statement").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ORDER_DELIVERED", "PAYMENT", "CREDIT_NOTE", "ADJUSTMENT"), s.getList("items.kind"));
        assertEquals(List.of(250_000.0f, 150_000.0f, 130_000.0f, 124_999.5f), s.getList("items.balance_after", Float.class));
        assertEquals(0f, s.getFloat("opening_balance"));
        assertEquals(124_999.5f, s.getFloat("closing_balance"));
        given().get("/clients/" + client).then().body("balance", equalTo(124_999.50f))
                .body("reserved_credit", equalTo(0f)).body("available_credit", equalTo(4_875_000.50f));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        given().queryParam("from", today.plusDays(1).toString()).get("/clients/" + client + "/statement").then()
                .body("items.size()", equalTo(0)).body("opening_balance", equalTo(124_999.5f));
        given().queryParam("to", today.minusDays(1).toString()).get("/clients/" + client + "/statement").then()
                .body("items.size()", equalTo(0)).body("closing_balance", equalTo(0f));
        given().queryParam("per_page", 2).queryParam("page", 2).get("/clients/" + client + "/statement").then()
                .body("items.kind", contains("CREDIT_NOTE", "ADJUSTMENT")).body("has_more", equalTo(false));
        given().queryParam("from", "yesterday").get("/clients/" + client + "/statement").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aRepeatedPaymentReferenceIsRefusedAndPaysOnce() {
        long client = People.wholesale("Payer " + UUID.randomUUID(), 1_000_000);
        pay(client, 50_000, "RCPT-dup-" + client, 201);
        long entries = db.count("select count(*) from client_ledger where client_id = ?", client);
        given().contentType(ContentType.JSON).body(Map.of("amount", 50_000, "method", "CASH", "reference", "RCPT-dup-" + client))
                .post("/clients/" + client + "/payments").then().statusCode(409)
                .body("errors[0].field", equalTo("reference"));
        assertEquals(entries, db.count("select count(*) from client_ledger where client_id = ?", client));
        given().get("/clients/" + client).then().body("balance", equalTo(-50_000f));

        given().contentType(ContentType.JSON).body(Map.of("amount", 0, "method", "CASH", "reference", "R0"))
                .post("/clients/" + client + "/payments").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON).body(Map.of("amount", 10, "method", "BARTER", "reference", "R1"))
                .post("/clients/" + client + "/payments").then().statusCode(400).body("errors[0].field", equalTo("method"));
        given().contentType(ContentType.JSON).body(Map.of("amount", 10, "method", "CASH", "reference", "R2"))
                .post("/clients/987654321/payments").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("kind", "CREDIT_NOTE", "amount", 10, "reason", "x"))
                .post("/clients/" + client + "/adjustments").then().statusCode(400).body("errors[0].field", equalTo("reference"));
        assertEquals(entries, db.count("select count(*) from client_ledger where client_id = ?", client));
    }

    @Test
    void balanceEventsCountTheClientsOwnVersionUpOneByOne() {
        long client = People.wholesale("Versions " + UUID.randomUUID(), 1_000_000);
        long other = People.wholesale("Other " + UUID.randomUUID(), 1_000_000);
        pay(other, 10, "OTHER-" + other, 201); // another client's entry takes an id in between
        pay(client, 100, "V-" + client + "-1", 201);
        pay(other, 10, "OTHER-" + other + "-2", 201);
        pay(client, 200, "V-" + client + "-2", 201);
        pay(client, 300, "V-" + client + "-3", 201);

        {
            var events = run.events(com.tsh.erp.events.Topics.CLIENTS_CREDIT, String.valueOf(client), 3);
            assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.aggregateVersion()).toList(),
                    "the balance version of this client, not ledger entry ids");
            List<Long> entryIds = events.stream().map(e -> com.tsh.erp.events.EventJson
                    .payload(e, com.tsh.erp.events.clients.ClientEvents.BALANCE_CHANGED).payload().entryId()).toList();
            assertEquals(3, entryIds.stream().distinct().count());
            assertEquals(entryIds.stream().sorted().toList(), entryIds);
        }
    }
}
