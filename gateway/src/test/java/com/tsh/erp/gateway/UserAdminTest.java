package com.tsh.erp.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins make, list and change users; bad input names its field and writes nothing; each change has its actor. */
@QuarkusTest
class UserAdminTest extends GatewayTestBase {

    private long adminId() {
        return db.count("select id from app_user where lower(username) = ?", TestKeys.ADMIN);
    }

    @Test
    void createGetListAndUpdate() {
        String name = uniqueName("Seller");
        Response created = asAdmin("POST", "/api/v1/users", newUser(name, "a-good-password", List.of("SALESPERSON", "SALESPERSON"), 9L, null));
        created.then().statusCode(201).body("username", equalTo(name)).body("roles", equalTo(List.of("SALESPERSON")))
                .body("salesperson_id", equalTo(9)).body("active", equalTo(true)).body("version", equalTo(0));
        int id = created.path("id");
        assertEquals("/api/v1/users/" + id, java.net.URI.create(created.header("Location")).getPath());
        asAdmin("GET", "/api/v1/users/" + id, null).then().statusCode(200).body("username", equalTo(name));
        assertEquals(1, db.count("select count(*) from app_user_change where user_id = ? and actor = ?", id, "user:" + adminId()));

        asAdmin("GET", "/api/v1/users?role=SALESPERSON&per_page=100", null).then().statusCode(200)
                .body("items.username", hasItem(name)).body("items.roles", everyItem(hasItem("SALESPERSON")));
        asAdmin("GET", "/api/v1/users?q=" + name.toLowerCase(), null).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        asAdmin("GET", "/api/v1/users?q=seller.&per_page=2", null).then().statusCode(200)
                .body("items.size()", lessThanOrEqualTo(2)).body("items.username", everyItem(startsWith("Seller.")));
        asAdmin("GET", "/api/v1/users?per_page=101", null).then().statusCode(400).body("errors[0].field", equalTo("per_page"));
        asAdmin("GET", "/api/v1/users?role=KING", null).then().statusCode(400).body("errors[0].field", equalTo("role"));

        Map<String, Object> update = new HashMap<>();
        update.put("roles", List.of("TRAVEL_SALESPERSON", "WAREHOUSE"));
        update.put("salesperson_id", 10);
        update.put("active", true);
        update.put("password", "reset-password-1");
        update.put("version", 0);
        asAdmin("PUT", "/api/v1/users/" + id, update).then().statusCode(200).body("version", equalTo(1))
                .body("salesperson_id", equalTo(10)).body("roles", equalTo(List.of("WAREHOUSE", "TRAVEL_SALESPERSON")));
        asAdmin("PUT", "/api/v1/users/" + id, update).then().statusCode(409).body("errors[0].field", equalTo("version"));
        login(name, "reset-password-1").then().statusCode(200);
        assertEquals(2, db.count("select count(*) from app_user_change where user_id = ? and actor = ?", id, "user:" + adminId()));
        asAdmin("GET", "/api/v1/users/999999999", null).then().statusCode(404);
        asAdmin("GET", "/api/v1/users?active=false&per_page=100", null).then().statusCode(200).body("items.active", everyItem(equalTo(false)));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        long before = db.count("select count(*) from app_user");
        String name = uniqueName("bad");
        refused(newUser(name, "a-good-password", List.of("SALESPERSON"), null, null), 422, "salesperson_id");
        refused(newUser(name, "a-good-password", List.of("PARTNER_SALESMAN"), null, null), 422, "salesperson_id");
        refused(newUser(name, "a-good-password", List.of("CLIENT"), null, null), 422, "client_id");
        refused(newUser(name, "a-good-password", List.of("CLIENT", "MANAGER"), null, 5L), 422, "roles");
        refused(newUser(name, "a-good-password", List.of("MANAGER"), 5L, null), 422, "salesperson_id");
        refused(newUser(name, "a-good-password", List.of("MANAGER"), null, 5L), 422, "client_id");
        refused(newUser(name, "short", List.of("MANAGER"), null, null), 400, "password");
        refused(newUser(name, "x".repeat(129), List.of("MANAGER"), null, null), 400, "password");
        refused(newUser(name, "a-good-password", List.of("KING"), null, null), 400, "roles[0]");
        refused(newUser(name, "a-good-password", List.of(), null, null), 400, "roles");
        refused(newUser("a b", "a-good-password", List.of("MANAGER"), null, null), 400, "username");
        refused(newUser(name, "a-good-password", List.of("SALESPERSON"), -1L, null), 400, "salesperson_id");
        assertEquals(before, db.count("select count(*) from app_user"));

        asAdmin("POST", "/api/v1/users", newUser(name, "a-good-password", List.of("MANAGER"), null, null)).then().statusCode(201);
        refused(newUser(name.toUpperCase(), "a-good-password", List.of("MANAGER"), null, null), 409, "username");
        assertEquals(before + 1, db.count("select count(*) from app_user"));
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        asAdmin("POST", "/api/v1/users", body).then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
