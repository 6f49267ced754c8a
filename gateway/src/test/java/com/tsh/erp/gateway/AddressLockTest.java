package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lock per address: failures for many names from one address lock that address (here at 3, behind a proxy whose
 * X-Forwarded-For is trusted, so that addresses can be told apart from one test machine); other addresses are free.
 */
@QuarkusTest
@TestProfile(AddressLockTest.ThreeFromOneAddress.class)
class AddressLockTest extends GatewayTestBase {

    public static class ThreeFromOneAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tsh.gateway.login.max-address-failures", "3", "tsh.gateway.login.trust-forwarded-for", "true");
        }
    }

    private static Response loginFrom(String address, String username, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address + ", 10.0.0.1")
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void failuresForManyNamesFromOneAddressLockIt() {
        TestUser u = user("WAREHOUSE");
        for (int i = 0; i < 3; i++) {
            loginFrom("203.0.113.7", uniqueName("guess"), "wrong-password").then().statusCode(401);
        }
        loginFrom("203.0.113.7", u.username(), u.password()).then().statusCode(429);
        loginFrom("203.0.113.8", u.username(), u.password()).then().statusCode(200);
    }
}
