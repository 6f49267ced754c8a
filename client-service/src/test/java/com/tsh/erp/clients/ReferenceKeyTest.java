package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reference differing only by case, width or an invisible character is the same reference: one payment. */
@QuarkusTest
class ReferenceKeyTest extends ClientsTestBase {

    private static void pay(long client, String reference, int status) {
        given().contentType(ContentType.JSON).body(Map.of("amount", 100, "method", "CASH", "reference", reference))
                .post("/clients/" + client + "/payments").then().statusCode(status);
    }

    @Test
    void caseFullWidthAndInvisibleVariantsOfAPaidReferenceAre409() {
        long client = People.wholesale("Reference " + UUID.randomUUID(), 1_000_000);
        pay(client, "RCPT-77", 201);
        for (String variant : new String[] {"rcpt-77", "ＲＣＰＴ－７７", "RCPT\u200B-77", " RCPT-77\u200F"}) {
            given().contentType(ContentType.JSON).body(Map.of("amount", 100, "method", "CASH", "reference", variant))
                    .post("/clients/" + client + "/payments").then().statusCode(409)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("reference"));
        }
        pay(client, "RCPT-78", 201); // a visibly different reference is another payment
        assertEquals(2, db.count("select count(*) from client_ledger where client_id = ? and kind = 'PAYMENT'", client));
        given().get("/clients/" + client + "/statement").then().body("items[0].reference", equalTo("RCPT-77"));
    }
}
