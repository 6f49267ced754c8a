package com.tsh.erp.clients;

import static com.tsh.erp.testing.RoleMatrix.ALL;
import static com.tsh.erp.testing.RoleMatrix.roles;
import static com.tsh.erp.testing.RoleMatrix.salesAnd;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.testing.RoleMatrix;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what, who sees which client (README, "Roles and ownership"), the tokens refused, and the actor recorded. */
@QuarkusTest
class AccessTest extends ClientsTestBase {

    @Test
    void everyRoleAgainstEveryRoute() {
        RoleMatrix.check(RoleMatrix.table(
                "GET /clients", ALL,
                "POST /clients", salesAnd("ADMIN", "MANAGER"),
                "GET /clients/{id}", ALL,
                "PUT /clients/{id}", salesAnd("ADMIN", "MANAGER"),
                "POST /clients/{id}/deactivate", roles("ADMIN", "MANAGER"),
                "PUT /clients/{id}/salesperson", roles("ADMIN", "MANAGER"),
                "GET /clients/{id}/statement", salesAnd("ADMIN", "MANAGER", "ACCOUNTANT", "CLIENT"),
                "POST /clients/{id}/payments", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "POST /clients/{id}/adjustments", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "GET /salespeople", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "POST /salespeople", roles("ADMIN", "MANAGER"),
                "GET /salespeople/{id}", salesAnd("ADMIN", "MANAGER", "ACCOUNTANT"),
                "PUT /salespeople/{id}", roles("ADMIN", "MANAGER"),
                "POST /salespeople/{id}/deactivate", roles("ADMIN", "MANAGER"),
                "GET /salespeople/{id}/clients", salesAnd("ADMIN", "MANAGER", "ACCOUNTANT"),
                "POST /clients/exports", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "POST /clients/imports", roles("ADMIN", "MANAGER"),
                "GET /jobs", ALL,
                "GET /jobs/{id}", ALL,
                "POST /jobs/{id}/cancel", ALL,
                "GET /jobs/{id}/result", ALL));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }

    @Test
    void aSalespersonSeesOnlyTheirClientsAndAnotherSIs404() {
        long a = People.salesperson("Access A " + System.nanoTime(), "Central");
        long b = People.salesperson("Access B " + System.nanoTime(), "Central");
        Map<String, Object> mine = People.clientBody("Mine " + System.nanoTime(), "WHOLESALE");
        mine.put("salesperson_id", a);
        long ownClient = People.client(mine);
        Map<String, Object> theirs = People.clientBody("Theirs " + System.nanoTime(), "RETAIL");
        theirs.put("salesperson_id", b);
        long otherClient = People.client(theirs);
        String spA = TestTokens.salesperson("SALESPERSON", a);

        as(spA).get("/clients/" + ownClient).then().statusCode(200);
        as(spA).get("/clients/" + otherClient).then().statusCode(404).contentType("application/problem+json");
        as(spA).get("/clients/" + otherClient + "/statement").then().statusCode(404);
        as(spA).queryParam("per_page", 100).get("/clients").then().statusCode(200)
                .body("items.id", hasItem((int) ownClient)).body("items.id", not(hasItem((int) otherClient)));
        // asking for another salesperson's clients finds none
        as(spA).queryParam("salesperson_id", b).get("/clients").then().statusCode(200).body("items.size()", equalTo(0));
        as(spA).queryParam("ids", ownClient + "," + otherClient).get("/clients").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) ownClient))).body("missing", equalTo(List.of((int) otherClient)));
        as(spA).get("/salespeople/" + a).then().statusCode(200);
        as(spA).get("/salespeople/" + b).then().statusCode(404);
        as(spA).get("/salespeople/" + b + "/clients").then().statusCode(404);
        // a partner salesman the same
        as(TestTokens.salesperson("PARTNER_SALESMAN", b)).get("/clients/" + ownClient).then().statusCode(404);
    }

    @Test
    void aClientUserSeesOnlyItsOwnClient() {
        long own = People.client(People.clientBody("Own " + System.nanoTime(), "RETAIL"));
        long other = People.client(People.clientBody("Other " + System.nanoTime(), "RETAIL"));
        String client = TestTokens.client(own);
        as(client).get("/clients/" + own).then().statusCode(200);
        as(client).get("/clients/" + own + "/statement").then().statusCode(200);
        as(client).get("/clients/" + other).then().statusCode(404);
        as(client).get("/clients/" + other + "/statement").then().statusCode(404);
        as(client).get("/clients").then().statusCode(200).body("items.id", equalTo(List.of((int) own)));
    }

    @Test
    void onlyAManagerOrAnAdminSetsACreditLimitOrAnotherSalesperson() {
        long a = People.salesperson("Credit A " + System.nanoTime(), "Central");
        long b = People.salesperson("Credit B " + System.nanoTime(), "Central");
        String spA = TestTokens.token("user-sp-a", List.of("SALESPERSON"), a, null);
        Map<String, Object> body = People.clientBody("Field " + System.nanoTime(), "WHOLESALE");
        long before = db.count("select count(*) from client");
        as(spA).contentType(ContentType.JSON).body(body).post("/clients").then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("credit_limit"));
        body.remove("credit_limit");
        body.put("salesperson_id", b);
        as(spA).contentType(ContentType.JSON).body(body).post("/clients").then().statusCode(403)
                .body("errors[0].field", equalTo("salesperson_id"));
        assertEquals(before, db.count("select count(*) from client"), "nothing written");
        // without them: the client is the salesperson's own, and the change is theirs
        body.remove("salesperson_id");
        long id = as(spA).contentType(ContentType.JSON).body(body).post("/clients").then().statusCode(201)
                .body("salesperson_id", equalTo((int) a)).extract().jsonPath().getLong("id");
        assertEquals("user:user-sp-a", db.text("select envelope->>'actor' from tsh_outbox where message_key = ? order by id desc limit 1",
                String.valueOf(id)));
        // an edit that changes the credit limit is refused; one that keeps it passes
        Map<String, Object> read = as(spA).get("/clients/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> edit = People.clientBody((String) read.get("name"), "WHOLESALE");
        edit.put("credit_limit", 5000);
        edit.put("salesperson_id", a);
        edit.put("version", read.get("version"));
        as(spA).contentType(ContentType.JSON).body(edit).put("/clients/" + id).then().statusCode(403)
                .body("errors[0].field", equalTo("credit_limit"));
        edit.put("credit_limit", read.get("credit_limit"));
        edit.put("phone", read.get("phone"));
        edit.put("email", read.get("email"));
        as(spA).contentType(ContentType.JSON).body(edit).put("/clients/" + id).then().statusCode(200);
        // a manager sets one
        edit.put("credit_limit", 5000);
        edit.put("version", ((Number) read.get("version")).longValue() + 1);
        double limit = as(TestTokens.role("MANAGER")).contentType(ContentType.JSON).body(edit).put("/clients/" + id).then()
                .statusCode(200).extract().jsonPath().getDouble("credit_limit");
        assertEquals(5000.0, limit);
    }

    @Test
    void noTokenAndEveryBadTokenAre401() {
        given().header("Authorization", TestTokens.NONE).get("/clients").then().statusCode(401)
                .contentType("application/problem+json");
        for (Map.Entry<String, String> bad : TestTokens.bad().entrySet()) {
            assertEquals(401, as(bad.getValue()).get("/clients").statusCode(), bad.getKey());
        }
    }
}
