package com.tsh.erp.orders;

import static com.tsh.erp.testing.RoleMatrix.ALL;
import static com.tsh.erp.testing.RoleMatrix.roles;
import static com.tsh.erp.testing.RoleMatrix.salesAnd;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.testing.RoleMatrix;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may call what, whose orders each sees, the discount cap (README, "Roles and ownership"), bad tokens, the actor. */
@QuarkusTest
class AccessTest extends OrdersTestBase {

    @Test
    void everyRoleAgainstEveryRoute() {
        RoleMatrix.check(RoleMatrix.table(
                "POST /orders", salesAnd("ADMIN", "MANAGER", "CLIENT"),
                "GET /orders", ALL,
                "GET /orders/{id}", ALL,
                "GET /orders/by-number/{number}", ALL,
                "GET /orders/stats", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "POST /orders/{id}/cancel", salesAnd("ADMIN", "MANAGER"),
                "POST /orders/{id}/deliver", roles("ADMIN", "MANAGER", "WAREHOUSE"),
                "GET /salespeople/{id}/commission", salesAnd("ADMIN", "MANAGER", "ACCOUNTANT")));
    }

    private static Response placeAs(String token, Object body) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/orders");
    }

    @Test
    void salespeopleAndClientsSeeAndPlaceOnlyTheirOwn() {
        long a = salesperson("0.02");
        long b = salesperson("0.02");
        long clientA = client(ClientType.WHOLESALE, a);
        long clientB = client(ClientType.WHOLESALE, b);
        long product = product("10.00", "9.00");
        String spA = TestTokens.token("user-sp-a", List.of("SALESPERSON"), a, null);
        String spB = TestTokens.salesperson("TRAVEL_SALESPERSON", b);

        String mine = placeAs(spA, order(clientA, product, 1)).then().statusCode(201)
                .body("salesperson_id", equalTo((int) a)).extract().path("id");
        assertEquals("user:user-sp-a", db.text("select placed_by from sales_order where id = ?::uuid", mine));
        String theirs = placeAs(spB, order(clientB, product, 1)).then().statusCode(201).extract().path("id");
        String theirNumber = given().get("/orders/" + theirs).then().statusCode(200).extract().path("number");

        // another salesperson's client is refused as if it did not exist
        placeAs(spA, order(clientB, product, 1)).then().statusCode(422).body("errors[0].field", equalTo("client_id"))
                .body("errors[0].message", equalTo("client " + clientB + " does not exist"));
        given().header("Authorization", TestTokens.bearer(spA)).get("/orders/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(spA)).get("/orders/by-number/" + theirNumber).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(spA)).contentType(ContentType.JSON).body(Map.of())
                .post("/orders/" + theirs + "/cancel").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(spA)).queryParam("per_page", 100).get("/orders").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)));
        given().header("Authorization", TestTokens.bearer(spA)).queryParam("salesperson_id", b).get("/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().header("Authorization", TestTokens.bearer(spA)).get("/salespeople/" + a + "/commission").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(spA)).get("/salespeople/" + b + "/commission").then().statusCode(404);

        // a client user: its own orders only, and orders only for itself
        String client = TestTokens.client(clientB);
        given().header("Authorization", TestTokens.bearer(client)).get("/orders/" + theirs).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(client)).get("/orders/" + mine).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(client)).queryParam("per_page", 100).get("/orders").then().statusCode(200)
                .body("items.id", hasItem(theirs)).body("items.id", not(hasItem(mine)));
        placeAs(client, order(clientA, product, 1)).then().statusCode(422).body("errors[0].field", equalTo("client_id"));
        placeAs(client, order(clientB, product, 1)).then().statusCode(201).body("salesperson_id", equalTo((int) b));
    }

    @Test
    void aDiscountAboveTheCapOrAnotherSalespersonIsAManagersDecision() {
        long a = salesperson("0.02");
        long b = salesperson("0.02");
        long clientA = client(ClientType.WHOLESALE, a);
        long product = product("10.00", "9.00");
        Map<String, Object> body = new HashMap<>(order(clientA, product, 10));
        body.put("discount_percent", 15);
        long before = db.count("select count(*) from sales_order");
        placeAs(TestTokens.salesperson("SALESPERSON", a), body).then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("discount_percent"));
        body.put("discount_percent", 5);
        body.put("salesperson_id", b);
        placeAs(TestTokens.salesperson("PARTNER_SALESMAN", a), body).then().statusCode(403)
                .body("errors[0].field", equalTo("salesperson_id"));
        assertEquals(before, db.count("select count(*) from sales_order"), "nothing written");
        body.put("discount_percent", 15);
        placeAs(TestTokens.role("MANAGER"), body).then().statusCode(201).body("discount_percent", equalTo(15.0f))
                .body("salesperson_id", equalTo((int) b));
    }

    @Test
    void noTokenAndEveryBadTokenAre401() {
        given().header("Authorization", TestTokens.NONE).get("/orders").then().statusCode(401).contentType("application/problem+json");
        for (Map.Entry<String, String> bad : TestTokens.bad().entrySet()) {
            assertEquals(401, given().header("Authorization", TestTokens.bearer(bad.getValue())).get("/orders").statusCode(), bad.getKey());
        }
    }
}
