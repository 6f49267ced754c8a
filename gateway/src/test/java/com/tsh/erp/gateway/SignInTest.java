package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.gateway.service.FirstAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in, refresh rotation and reuse, logout, password change, deactivation, the lock, the first admin. */
@QuarkusTest
class SignInTest extends GatewayTestBase {

    @Inject
    FirstAdmin firstAdmin;

    @Test
    void signInGivesAnAccessTokenWithTheUsersClaimsAndARefreshToken() {
        TestUser seller = user("SALESPERSON");
        Response r = login(seller.username().toUpperCase(), seller.password()); // names compare ignoring case
        r.then().statusCode(200);
        String access = r.path("access_token");
        assertEquals(900, (int) r.path("expires_in"));
        assertTrue(((String) r.path("refresh_token")).length() >= 43);
        JsonNode claims = claims(access);
        assertEquals(String.valueOf(seller.id()), claims.path("sub").asText());
        assertEquals(seller.username(), claims.path("upn").asText());
        assertEquals("SALESPERSON", claims.path("groups").get(0).asText());
        assertEquals(42, claims.path("salesperson_id").asLong());
        assertTrue(claims.path("client_id").isMissingNode());
        assertEquals("https://tsh-erp/gateway", claims.path("iss").asText());
        assertEquals(900, claims.path("exp").asLong() - claims.path("iat").asLong());
        assertEquals("RS256", JSON_HEADER(access).path("alg").asText());
        // only the hash of the refresh token is stored
        assertEquals(1, db.count("select count(*) from refresh_token where token_hash = sha256(convert_to(?, 'UTF8')) and user_id = ?",
                r.path("refresh_token"), seller.id()));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        TestUser u = user("WAREHOUSE");
        Response wrong = login(u.username(), "not-the-password");
        Response unknown = login(uniqueName("nobody"), "not-the-password");
        wrong.then().statusCode(401).contentType("application/problem+json");
        unknown.then().statusCode(401);
        for (String field : new String[] {"type", "title", "detail", "status"}) {
            assertEquals(wrong.jsonPath().getString(field), unknown.jsonPath().getString(field), field);
        }
        assertEquals("invalid credentials", wrong.jsonPath().getString("detail"));
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordAndAnUnknownNameTheSame() {
        TestUser u = user("ACCOUNTANT");
        for (int i = 0; i < 5; i++) {
            login(u.username(), "wrong-password-" + i).then().statusCode(401);
        }
        Response locked = login(u.username(), u.password());
        locked.then().statusCode(429).contentType("application/problem+json");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);
        login(u.username().toUpperCase(), u.password()).then().statusCode(429);

        String nobody = uniqueName("ghost");
        for (int i = 0; i < 5; i++) {
            login(nobody, "wrong-password-" + i).then().statusCode(401);
        }
        login(nobody, "wrong-password").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // another name is not locked by these
        login(user("WAREHOUSE").username(), "wrong-password").then().statusCode(401);
    }

    @Test
    void refreshRotatesOnEveryUse() {
        TestUser u = user("MANAGER");
        String r1 = login(u.username(), u.password()).path("refresh_token");
        Response second = refresh(r1);
        second.then().statusCode(200);
        String r2 = second.path("refresh_token");
        assertNotEquals(r1, r2);
        assertEquals(String.valueOf(u.id()), claims(second.path("access_token")).path("sub").asText());
        String r3 = refresh(r2).then().statusCode(200).extract().path("refresh_token");
        assertNotEquals(r2, r3);
        assertEquals(1, db.count("select count(distinct family_id) from refresh_token where user_id = ?", u.id()));
        assertEquals(2, db.count("select count(*) from refresh_token where user_id = ? and used_at is not null", u.id()));
    }

    @Test
    void aRotatedTokenUsedAgainRevokesTheWholeFamily() {
        TestUser u = user("MANAGER");
        String r1 = login(u.username(), u.password()).path("refresh_token");
        String other = login(u.username(), u.password()).path("refresh_token"); // another device: another family
        String r2 = refresh(r1).then().statusCode(200).extract().path("refresh_token");
        refresh(r1).then().statusCode(401).contentType("application/problem+json");
        refresh(r2).then().statusCode(401); // the newest of the family fails too
        refresh(other).then().statusCode(200); // the other sign-in is untouched
    }

    @Test
    void logoutEndsTheSignIn() {
        TestUser u = user("WAREHOUSE");
        String r1 = login(u.username(), u.password()).path("refresh_token");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", r1)).post("/api/v1/auth/logout").then().statusCode(204);
        refresh(r1).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", "unknown-token")).post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void aPasswordChangeRevokesEveryRefreshToken() {
        TestUser u = user("ACCOUNTANT");
        Response first = login(u.username(), u.password());
        String other = login(u.username(), u.password()).path("refresh_token");
        given().header("Authorization", "Bearer " + (String) first.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", "wrong-current", "new_password", "a-new-password-1"))
                .post("/api/v1/auth/password").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("current_password"));
        given().header("Authorization", "Bearer " + (String) first.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", u.password(), "new_password", "short"))
                .post("/api/v1/auth/password").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("new_password"));
        given().header("Authorization", "Bearer " + (String) first.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", u.password(), "new_password", "a-new-password-1"))
                .post("/api/v1/auth/password").then().statusCode(204);
        refresh(first.path("refresh_token")).then().statusCode(401);
        refresh(other).then().statusCode(401);
        login(u.username(), u.password()).then().statusCode(401);
        login(u.username(), "a-new-password-1").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("current_password", "x", "new_password", "a-new-password-2"))
                .post("/api/v1/auth/password").then().statusCode(401);
        assertEquals(1, db.count("select count(*) from app_user_change where user_id = ? and actor = ? and change like 'password changed%'",
                u.id(), "user:" + u.id()));
    }

    @Test
    void aDeactivatedUserCanNeitherSignInNorRefresh() {
        TestUser u = user("WAREHOUSE");
        String r1 = login(u.username(), u.password()).path("refresh_token");
        Map<String, Object> update = new java.util.HashMap<>(Map.of("roles", java.util.List.of("WAREHOUSE"), "active", false, "version", 0));
        asAdmin("PUT", "/api/v1/users/" + u.id(), update).then().statusCode(200).body("active", org.hamcrest.Matchers.equalTo(false));
        refresh(r1).then().statusCode(401);
        Response denied = login(u.username(), u.password());
        denied.then().statusCode(401);
        assertEquals("invalid credentials", denied.jsonPath().getString("detail"));
    }

    @Test
    void theFirstAdminIsMadeFromTheSettingsExactlyOnce() {
        assertEquals(1, db.count("select count(*) from app_user where lower(username) = ? and roles = array['ADMIN']", TestKeys.ADMIN));
        assertEquals(1, db.count("select count(*) from app_user_change c join app_user u on u.id = c.user_id "
                + "where lower(u.username) = ? and c.actor = 'system:first-admin'", TestKeys.ADMIN));
        assertEquals(false, firstAdmin.ensure()); // users exist: the settings are not used again
        assertEquals(1, db.count("select count(*) from app_user where lower(username) = ?", TestKeys.ADMIN));
        adminToken();
    }

    @Test
    void thePublicKeyIsPublished() {
        String pem = given().get("/api/v1/auth/public-key").then().statusCode(200).extract().asString();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
    }

    private static JsonNode JSON_HEADER(String jwt) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
