package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The one Idempotency-Key rule (libs/outbox IdempotentRequests), on the stock adjustment that uses it. */
@QuarkusTest
class IdempotencyKeyTest extends CatalogTestBase {

    private static Response adjust(long product, String key, int delta, String reason) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("quantity_delta", delta, "reason", reason))
                .post("/products/" + product + "/stock-adjustments");
    }

    private long onHand(long product) {
        return db.count("select stock_on_hand from product where id = ?", product);
    }

    @Test
    void theSameKeyAndRequestGetTheFirstAnswerAgain() {
        long product = Catalog.product("Keyed", "مفتاح", 10);
        String key = "grn-" + UUID.randomUUID();
        Response first = adjust(product, key, 5, "goods received");
        first.then().statusCode(201).body("stock_on_hand", equalTo(15));
        adjust(product, "other-" + UUID.randomUUID(), 1, "another count").then().statusCode(201);

        Response retry = adjust(product, key, 5, "goods received");

        assertEquals(201, retry.statusCode(), "the same status as the first answer");
        assertEquals(first.asString(), retry.asString(), "the same body: 15 on hand, not today's 16");
        assertEquals(16, onHand(product), "applied once");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        long product = Catalog.product("Keyed twice", "مفتاح مكرر", 10);
        long other = Catalog.product("Other", "آخر", 10);
        String key = "grn-" + UUID.randomUUID();
        adjust(product, key, 5, "goods received").then().statusCode(201);

        adjust(product, key, 6, "goods received").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://tsh-erp.example/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        adjust(other, key, 5, "goods received").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(15, onHand(product));
        assertEquals(10, onHand(other));
    }

    @Test
    void aKeyTooLongIs400NamingTheHeaderAsSent() {
        long product = Catalog.product("Long key", "مفتاح طويل", 10);
        adjust(product, "k".repeat(101), 5, "goods received").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key")); // was the Java parameter's name, idempotency_key
        assertEquals(10, onHand(product));
    }

    @Test
    void anEmptyOrBlankKeyIs400NotNoKey() {
        long product = Catalog.product("Empty key", "مفتاح فارغ", 10);
        for (String key : new String[] {"", "   "}) {
            adjust(product, key, 5, "goods received").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(10, onHand(product));
    }

    @Test
    void twentyConcurrentRetriesMakeOneChange() throws Exception {
        long product = Catalog.product("Busy key", "مفتاح مزدحم", 0);
        String key = "grn-" + UUID.randomUUID();
        List<Callable<Response>> work = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            work.add(() -> adjust(product, key, 7, "pallet received"));
        }
        List<Response> answers = Concurrently.run(20, work);
        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            assertEquals(answers.get(0).asString(), r.asString());
        }
        assertEquals(7, onHand(product));
        assertEquals(1, db.count("select count(*) from stock_ledger where product_id = ? and reason = 'ADJUSTMENT'", product));
    }

    @Test
    void anExpiredKeyIsNewAgain() {
        long product = Catalog.product("Old key", "مفتاح قديم", 0);
        String key = "grn-" + UUID.randomUUID();
        adjust(product, key, 3, "goods received").then().statusCode(201);
        db.count("with e as (update tsh_idempotency_key set expires_at = now() - interval '1 second' "
                + "where key = ? returning 1) select count(*) from e", key);

        adjust(product, key, 4, "a new delivery under an old note number").then().statusCode(201).body("stock_on_hand", equalTo(7));
    }
}
