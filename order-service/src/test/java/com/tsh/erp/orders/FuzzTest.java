package com.tsh.erp.orders;

import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.testing.ApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * order-service's whole API attacked through its own OpenAPI document ({@link ApiFuzzer}): no
 * hostile request gets a 5xx, every refusal is a problem naming the field and writes nothing, and
 * retries under one Idempotency-Key make one order. The saga's timeout is off here (an hour): the
 * orders the fuzzer places stay PENDING, so that only requests change the database while it
 * compares digests.
 */
@QuarkusTest
@TestProfile(FuzzTest.NoTimeout.class)
class FuzzTest extends OrdersTestBase {

    public static class NoTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tsh.orders.saga-timeout", "1h");
        }
    }

    @Test
    void hostileRequestsGetNo5xxAndRefusalsNameTheFieldAndWriteNothing() {
        long seller = salesperson("2.00");
        long client = client(ClientType.WHOLESALE, seller);
        long product = product("1000.00", "900.00");
        ApiFuzzer.of("order-service")
                .db(db)
                .rows("/orders/{id}", () -> Map.of("id", placed(order(client, product, 1))))
                .rows("/orders/{id}/deliver", () -> Map.of("id", confirmed(client, product)))
                .rows("/orders/by-number/{number}", () -> Map.of("number", io.restassured.RestAssured.given()
                        .get("/orders/" + placed(order(client, product, 1))).then().extract().path("number")))
                .rows("/salespeople/{id}", () -> Map.of("id", seller))
                .value("client_id", () -> client)
                .value("product_id", () -> product)
                .value("salesperson_id", () -> seller)
                .value("discount_percent", () -> 5)
                .value("after", () -> null)
                .value("group_by", () -> "day")
                .value("Idempotency-Key", () -> UUID.randomUUID().toString())
                .run()
                .assertClean();
    }

    private String confirmed(long client, long product) {
        String id = placed(order(client, product, 1));
        stockReserved(id);
        creditReserved(id, client, "900.00");
        awaitStatus(id, "CONFIRMED");
        return id;
    }
}
