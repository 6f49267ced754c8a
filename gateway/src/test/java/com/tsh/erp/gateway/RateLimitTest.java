package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared rate limit, with small limits of its own (a profile: the other tests run with limits they never reach):
 * a user past the per-user limit gets 429 problem+json with Retry-After while another user goes on; then anonymous
 * requests from the one address pass the per-address limit and everyone from it waits. The counts are Redis's, so
 * every replica would see the same.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Small.class)
class RateLimitTest extends GatewayTestBase {

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tsh.gateway.rate-limit.per-user", "15", "tsh.gateway.rate-limit.per-address", "120",
                    "tsh.gateway.rate-limit.window", "2m");
        }
    }

    @Test
    void aUserPastTheLimitWaitsAndSoDoesTheAddressPastItsOwn() {
        // sign-ins and user creation count against the address only (120)
        TestUser first = user("ADMIN");
        TestUser second = user("ADMIN");
        String a = accessToken(first.username(), first.password());
        String b = accessToken(second.username(), second.password());

        int passed = 0;
        Response refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            Response r = given().header("Authorization", "Bearer " + a).get("/api/v1/users/" + first.id());
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertEquals(200, r.statusCode(), r.asString());
                passed++;
            }
        }
        assertTrue(passed >= 1 && passed <= 15, "passed before the limit: " + passed);
        assertTrue(refused != null, "the user was limited");
        refused.then().contentType("application/problem+json").body("type", containsString("rate-limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 120, "Retry-After " + retryAfter);
        // another user from the same address goes on
        given().header("Authorization", "Bearer " + b).get("/api/v1/users/" + second.id()).then().statusCode(200);

        // the address: anonymous requests count against it alone, until everyone from it waits
        Response addressRefused = null;
        for (int i = 0; i < 200 && addressRefused == null; i++) {
            Response r = given().get("/api/v1/auth/public-key");
            if (r.statusCode() == 429) {
                addressRefused = r;
            }
        }
        assertTrue(addressRefused != null, "the address was limited");
        addressRefused.then().body("detail", containsString("address"));
        given().header("Authorization", "Bearer " + b).get("/api/v1/users/" + second.id()).then().statusCode(429);
    }
}
