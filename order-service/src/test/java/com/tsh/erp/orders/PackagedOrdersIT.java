package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.tsh.erp.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app), started as production starts it, against the real
 * servers: it migrates (the library's tables first), reports ready, and answers.
 */
@QuarkusIntegrationTest
@OrdersTestStack
class PackagedOrdersIT {

    @BeforeAll
    static void contract() {
        OpenApiContract.install();
        com.tsh.erp.testing.TestTokens.install(); // as an admin, with a token the packaged service trusts
    }

    @Test
    void thePackagedServiceStartsAndServes() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/orders").then().statusCode(200).body("items.size()", equalTo(0));
        given().get("/orders/" + UUID.randomUUID()).then().statusCode(404);
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"client_id\": 1, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}").post("/orders").then().statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("client_id", "lines[0].product_id")));
    }
}
