package com.tsh.erp.zohosim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest extends SimTestBase {

    @Test
    void aRefreshIssuesANewTokenAndTheOldOneStaysValid() {
        var answer = given().formParam("refresh_token", "tsh-local-refresh").formParam("client_id", "tsh-local-client")
                .formParam("client_secret", "tsh-local-secret").formParam("grant_type", "refresh_token")
                .post("/oauth/v2/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .body("api_domain", not(equalTo(""))).extract();
        String second = answer.path("access_token");
        assertNotEquals(token, second);
        api().get("/inventory/v1/items").then().statusCode(200);
        given().header("Authorization", "Zoho-oauthtoken " + second).queryParam("organization_id", ORG)
                .get("/inventory/v1/items").then().statusCode(200);
        // the query form Zoho's own examples use
        given().queryParam("refresh_token", "tsh-local-refresh").queryParam("client_id", "tsh-local-client")
                .queryParam("client_secret", "tsh-local-secret").queryParam("grant_type", "refresh_token")
                .post("/oauth/v2/token").then().statusCode(200);
        assertEquals(3, given().get("/sim/state").then().extract().jsonPath().getInt("oauth.refreshes"));
    }

    @Test
    void aWrongClientOrRefreshTokenIsInvalidCode() {
        given().formParam("refresh_token", "stolen").formParam("client_id", "tsh-local-client")
                .formParam("client_secret", "tsh-local-secret").formParam("grant_type", "refresh_token")
                .post("/oauth/v2/token").then().statusCode(400).body("error", equalTo("invalid_code"));
        given().formParam("refresh_token", "tsh-local-refresh").formParam("client_id", "tsh-local-client")
                .formParam("client_secret", "wrong").formParam("grant_type", "refresh_token")
                .post("/oauth/v2/token").then().statusCode(400).body("error", equalTo("invalid_code"));
    }

    @Test
    void withoutAValidTokenEveryCallIs401Code57() {
        given().queryParam("organization_id", ORG).get("/inventory/v1/items")
                .then().statusCode(401).body("code", equalTo(57))
                .body("message", equalTo("You are not authorized to perform this operation"));
        given().header("Authorization", "Zoho-oauthtoken nonsense").queryParam("organization_id", ORG)
                .get("/books/v3/contacts").then().statusCode(401).body("code", equalTo(57));
        given().header("Authorization", "Bearer " + token).queryParam("organization_id", ORG)
                .get("/books/v3/contacts").then().statusCode(401).body("code", equalTo(57));

        given().post("/sim/tokens/expire").then().statusCode(200);
        api().get("/inventory/v1/items").then().statusCode(401).body("code", equalTo(57));
        token = newToken();
        api().get("/inventory/v1/items").then().statusCode(200);
    }

    @Test
    void theOrganizationIsRequiredAndMustBeOurs() {
        given().header("Authorization", "Zoho-oauthtoken " + token).get("/inventory/v1/items")
                .then().statusCode(400).body("code", equalTo(2))
                .body("message", equalTo("Invalid value passed for organization_id"));
        given().header("Authorization", "Zoho-oauthtoken " + token).queryParam("organization_id", "999")
                .get("/books/v3/salesorders").then().statusCode(400).body("code", equalTo(6041))
                .body("message", equalTo("This user is not associated with the CompanyID/CompanyName:999."));
    }

    @Test
    void theCallLogShowsEveryCallWithItsOutcome() {
        long start = given().get("/sim/state").then().extract().jsonPath().getLong("calls.last_seq");
        api().get("/inventory/v1/items").then().statusCode(200);
        given().queryParam("organization_id", ORG).get("/inventory/v1/items").then().statusCode(401);
        var calls = given().queryParam("after", start).get("/sim/calls").then().statusCode(200).extract().jsonPath();
        assertEquals(2, calls.getList("calls").size());
        assertEquals("ok", calls.getString("calls[0].outcome"));
        assertEquals(200, calls.getInt("calls[0].status"));
        assertEquals("/inventory/v1/items", calls.getString("calls[0].path"));
        assertEquals("organization_id=" + ORG, calls.getString("calls[0].query"));
        assertEquals("unauthorized", calls.getString("calls[1].outcome"));
        assertEquals(start + 2, calls.getLong("next"));
        given().queryParam("after", start + 2).get("/sim/calls").then().body("calls.size()", equalTo(0))
                .body("next", equalTo((int) (start + 2)));
    }
}
