package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.tsh.erp.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app), started as production starts it, against the real
 * servers: it migrates (the library's tables first), reports ready, reads and writes.
 */
@QuarkusIntegrationTest
@ClientsTestStack
class PackagedClientsIT {

    /** Requests and answers are checked against the service's own OpenAPI document, as in every API test. */
    @BeforeAll
    static void contract() {
        OpenApiContract.install();
        com.tsh.erp.testing.TestTokens.install(); // as an admin, with a token the packaged service trusts
    }

    @Test
    void thePackagedServiceStartsAndServes() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String name = "Packaged " + UUID.randomUUID();
        long id = given().contentType(ContentType.JSON).body(People.clientBody(name, "WHOLESALE"))
                .post("/clients").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/clients/" + id).then().statusCode(200).body("name", equalTo(name)).body("balance", equalTo(0.0f));
    }
}
