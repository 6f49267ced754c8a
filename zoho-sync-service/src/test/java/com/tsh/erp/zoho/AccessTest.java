package com.tsh.erp.zoho;

import static com.tsh.erp.testing.RoleMatrix.roles;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.testing.RoleMatrix;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may see and steer the sync (README, "Roles and ownership"), and the tokens refused. */
@QuarkusTest
class AccessTest extends ZohoTestBase {

    @Test
    void everyRoleAgainstEveryRoute() {
        RoleMatrix.check(RoleMatrix.table(
                "GET /sync/status", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "GET /sync/failures", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "POST /sync/failures/{id}/retry", roles("ADMIN", "ACCOUNTANT"),
                "POST /sync/jobs", roles("ADMIN"),
                "GET /sync/jobs/{id}", roles("ADMIN", "MANAGER", "ACCOUNTANT"),
                "GET /sync/mappings", roles("ADMIN", "MANAGER", "ACCOUNTANT")));
    }

    @Test
    void noTokenAndEveryBadTokenAre401() {
        given().header("Authorization", TestTokens.NONE).get("/sync/status").then().statusCode(401)
                .contentType("application/problem+json");
        for (Map.Entry<String, String> bad : TestTokens.bad().entrySet()) {
            assertEquals(401, given().header("Authorization", TestTokens.bearer(bad.getValue())).get("/sync/status").statusCode(),
                    bad.getKey());
        }
    }
}
