package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.clients.service.ClientLedger;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.clients.LedgerEntryKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A statement lists entries in the order the ledger booked them (its own sequence), so each row's
 * balance is the one before it plus its amount, even when a transaction that started earlier
 * booked later (the lock decides the order; a transaction's start time does not).
 */
@QuarkusTest
class StatementOrderTest extends ClientsTestBase {

    @Inject
    ClientLedger ledger;
    @Inject
    Sql sql;

    @Test
    void theRunningBalanceFollowsTheRowsAsShownAfterAnEarlierTransactionBooksLater() throws Exception {
        long client = People.wholesale("Order " + UUID.randomUUID(), 5_000_000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        CompletableFuture<Void> early = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            sql.one("select now() as started", Params.none(), r -> r.getInstant("started")); // the transaction's time is now
            started.countDown();
            await(proceed);
            ledger.lock(client);
            ledger.record(client, LedgerEntryKind.ADJUSTMENT, new BigDecimal("-300.00"), null, null, null,
                    "booked after the payment", "test");
        }));
        assertEquals(true, started.await(10, TimeUnit.SECONDS));
        given().contentType(ContentType.JSON).body(Map.of("amount", 1000, "method", "CASH", "reference", "R-" + client))
                .post("/clients/" + client + "/payments").then().statusCode(201);
        proceed.countDown();
        early.get(20, TimeUnit.SECONDS);

        JsonPath s = given().get("/clients/" + client + "/statement").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PAYMENT", "ADJUSTMENT"), s.getList("items.kind"), "booking order");
        assertEquals(List.of(-1000.0f, -1300.0f), s.getList("items.balance_after", Float.class));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
