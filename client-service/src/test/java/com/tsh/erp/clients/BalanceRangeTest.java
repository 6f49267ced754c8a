package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.clients.service.CreditReservations;
import com.tsh.erp.events.InvalidEventException;
import com.tsh.erp.events.OrderMother;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.orders.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Money's limits hold together: the largest single amount the API takes (999,999,999,999.99) can
 * be paid, credited and held again and again, and a balance that would leave its range
 * (&plusmn;999,999,999,999,999.99) is refused with 422 naming {@code amount} before anything is written.
 */
@QuarkusTest
class BalanceRangeTest extends ClientsTestBase {

    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

    @Inject
    CreditReservations credit;

    @AfterEach
    void balancesAreTheLedgersSum() {
        assertBalancesAreTheLedgersSum();
    }

    /** Requests whose answers are read as exact decimals (money figures beyond a float's digits). */
    private static io.restassured.specification.RequestSpecification exact() {
        return given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static ValidatableResponse pay(long client, BigDecimal amount, String reference) {
        return exact().contentType(ContentType.JSON).body(Map.of("amount", amount, "method", "BANK_TRANSFER", "reference", reference))
                .post("/clients/" + client + "/payments").then();
    }

    private static ValidatableResponse adjust(long client, String kind, BigDecimal amount, String reference) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("kind", kind, "amount", amount, "reason", "test of the range"));
        if (reference != null) {
            body.put("reference", reference);
        }
        return exact().contentType(ContentType.JSON).body(body).post("/clients/" + client + "/adjustments").then();
    }

    private static long largestCreditLimit(String name) {
        Map<String, Object> body = People.clientBody(name + " " + UUID.randomUUID(), "WHOLESALE");
        body.put("credit_limit", LARGEST_AMOUNT);
        return People.client(body);
    }

    private BigDecimal balance(long client) {
        return new BigDecimal(db.text("select balance from client where id = ?", client));
    }

    /** What a refused request must leave as it was: the balance, its version, the ledger and the events. */
    private String written(long client) {
        return db.text("""
                select c.balance || '/' || c.balance_version || '/'
                       || (select count(*) from client_ledger l where l.client_id = c.id) || '/'
                       || (select count(*) from tsh_outbox o where o.message_key = c.id::text and o.event_type = 'BalanceChanged')
                from client c where c.id = ?""", client);
    }

    /**
     * Test set-up the API would need a thousand requests for: one ledger entry (as ClientLedger
     * books it, balance and version with it) that brings the balance to {@code balance}.
     */
    private void bookBalance(long client, String balance) {
        BigDecimal amount = new BigDecimal(balance).subtract(balance(client));
        db.exec("""
                insert into client_ledger (client_id, kind, amount, balance_after, note, actor)
                values (?, 'ADJUSTMENT', ?, ?, 'test set-up', 'system:test')""", client, amount, new BigDecimal(balance));
        db.exec("update client set balance = ?, balance_version = balance_version + 1 where id = ?", new BigDecimal(balance), client);
    }

    @Test
    void theLargestPaymentCanBeMadeTwiceAndTheClientStillPays() {
        long client = People.wholesale("Big payer " + UUID.randomUUID(), 1_000_000);
        pay(client, LARGEST_AMOUNT, "BIG-1-" + client).statusCode(201).body("balance", comparesEqualTo(new BigDecimal("-999999999999.99")));
        pay(client, LARGEST_AMOUNT, "BIG-2-" + client).statusCode(201).body("balance", comparesEqualTo(new BigDecimal("-1999999999999.98")));
        pay(client, new BigDecimal("250.00"), "SMALL-" + client).statusCode(201)
                .body("balance", comparesEqualTo(new BigDecimal("-2000000000249.98")))
                .body("available_credit", comparesEqualTo(new BigDecimal("2000001000249.98")));
        adjust(client, "CREDIT_NOTE", LARGEST_AMOUNT, "CN-BIG-" + client).statusCode(201)
                .body("balance", comparesEqualTo(new BigDecimal("-3000000000249.97")));

        exact().get("/clients/" + client + "/statement").then().statusCode(200)
                .body("closing_balance", comparesEqualTo(new BigDecimal("-3000000000249.97")))
                .body("items[3].balance_after", comparesEqualTo(new BigDecimal("-3000000000249.97")));
    }

    @Test
    void aPaymentOrCreditNoteBelowTheRangeIsRefusedAndWritesNothing() {
        long client = People.wholesale("Prepaid " + UUID.randomUUID(), 1_000_000);
        bookBalance(client, "-999999999999000.00");
        String before = written(client);

        pay(client, LARGEST_AMOUNT, "OVER-" + client).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("from -999999999999000.00 to -1000999999998999.99"))
                .body("errors[0].message", containsString("-999999999999999.99 to 999999999999999.99"));
        adjust(client, "CREDIT_NOTE", LARGEST_AMOUNT, "CN-OVER-" + client).statusCode(422)
                .body("errors[0].field", equalTo("amount"));
        assertEquals(before, written(client), "a refused entry writes nothing");

        // the same references are free (nothing was recorded), and an amount that fits is taken, to the last cent
        pay(client, new BigDecimal("999.99"), "OVER-" + client).statusCode(201)
                .body("balance", comparesEqualTo(new BigDecimal("-999999999999999.99")));
        before = written(client);
        pay(client, new BigDecimal("0.01"), "CENT-" + client).statusCode(422).body("errors[0].field", equalTo("amount"));
        assertEquals(before, written(client));
        adjust(client, "ADJUSTMENT", new BigDecimal("0.01"), null).statusCode(201)
                .body("balance", comparesEqualTo(new BigDecimal("-999999999999999.98")));
    }

    @Test
    void anAdjustmentAboveTheRangeIsRefusedAndWritesNothing() {
        long client = People.wholesale("Debtor " + UUID.randomUUID(), 1_000_000);
        bookBalance(client, "999999999999500.00");
        String before = written(client);
        adjust(client, "ADJUSTMENT", LARGEST_AMOUNT, null).statusCode(422)
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("rise from 999999999999500.00 to 1000999999999499.99"));
        assertEquals(before, written(client));
        adjust(client, "ADJUSTMENT", LARGEST_AMOUNT.negate(), null).statusCode(201)
                .body("balance", comparesEqualTo(new BigDecimal("998999999999500.01")));
    }

    @Test
    void creditHeldBeyondTheLargestSingleAmountIsHeldShownAndDebited() {
        long client = largestCreditLimit("Prepaid buyer");
        pay(client, LARGEST_AMOUNT, "PRE-1-" + client).statusCode(201);
        pay(client, LARGEST_AMOUNT, "PRE-2-" + client).statusCode(201);
        // -1,999,999,999,999.98 + 2,500,000,000,000.00 stays within the credit limit of 999,999,999,999.99
        OrderPlaced order = OrderMother.forClient(client, ClientType.WHOLESALE, 2_500_000_000_000.00);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> credit.reserve(order, 1)));
        exact().get("/clients/" + client).then().statusCode(200)
                .body("reserved_credit", comparesEqualTo(new BigDecimal("2500000000000.00")))
                .body("available_credit", comparesEqualTo(new BigDecimal("499999999999.97")));

        QuarkusTransaction.requiringNew().run(() -> credit.deliver(order.orderId()));
        exact().get("/clients/" + client).then().statusCode(200)
                .body("balance", comparesEqualTo(new BigDecimal("500000000000.02")))
                .body("reserved_credit", comparesEqualTo(BigDecimal.ZERO));
        exact().get("/clients/" + client + "/statement").then().statusCode(200)
                .body("items[2].kind", equalTo("ORDER_DELIVERED"))
                .body("items[2].amount", comparesEqualTo(new BigDecimal("2500000000000.00")))
                .body("closing_balance", comparesEqualTo(new BigDecimal("500000000000.02")));
    }

    @Test
    void aDeliveryThatWouldLeaveTheRangeIsDeadLetteredAndDebitsNothing() {
        long client = largestCreditLimit("Far in debt");
        OrderPlaced order = OrderMother.forClient(client, ClientType.WHOLESALE, 900_000_000_000.00);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> credit.reserve(order, 1)));
        bookBalance(client, "999999999999000.00"); // raised by hand far past the credit limit since
        String before = written(client);

        InvalidEventException refused = assertThrows(InvalidEventException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> credit.deliver(order.orderId())));
        assertTrue(refused.getMessage().contains("cannot be debited") && refused.getMessage().contains("1000899999999000.00"),
                refused.getMessage());
        assertEquals(before, written(client));
        assertEquals("RESERVED", db.text("select status from credit_reservation where order_id = ?", order.orderId()));
    }

    @Test
    void theDocumentStatesTheLimitsAndThe422() {
        exact().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/clients/{id}/payments'.post.responses.'422'.'$ref'", equalTo("#/components/responses/Unprocessable"))
                .body("paths.'/clients/{id}/adjustments'.post.responses.'422'.'$ref'", equalTo("#/components/responses/Unprocessable"))
                .body("components.schemas.Payment.properties.amount.minimum", comparesEqualTo(new BigDecimal("0.01")))
                .body("components.schemas.Payment.properties.amount.maximum", comparesEqualTo(LARGEST_AMOUNT))
                .body("components.schemas.Adjustment.properties.amount.minimum", comparesEqualTo(LARGEST_AMOUNT.negate()))
                .body("components.schemas.ClientDetail.properties.balance.description",
                        containsString("from -999999999999999.99 to 999999999999999.99"));
    }
}
