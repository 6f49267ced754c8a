package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admin routes take only a valid ADMIN token of this gateway: everything else is 401 (or 403 for other roles). */
@QuarkusTest
class TokenCheckTest extends GatewayTestBase {

    private static final String ISSUER = "https://tsh-erp/gateway";

    /** The admin's claims as the gateway writes them. */
    private JwtClaimsBuilder adminClaims() {
        long adminId = db.count("select id from app_user where lower(username) = ?", TestKeys.ADMIN);
        return Jwt.issuer(ISSUER).subject(String.valueOf(adminId)).upn(TestKeys.ADMIN).groups(Set.of("ADMIN"));
    }

    private static void usersWith(String token, int status) {
        var spec = given();
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        spec.get("/api/v1/users").then().statusCode(status);
    }

    @Test
    void aValidAdminTokenPasses() {
        usersWith(adminToken(), 200);
        usersWith(adminClaims().expiresIn(60).sign(), 200); // made with the gateway's own key: the control for the cases below
    }

    @Test
    void noTokenIs401() {
        given().get("/api/v1/users").then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void anotherRoleIs403() {
        TestUser manager = user("MANAGER");
        usersWith(accessToken(manager.username(), manager.password()), 403);
        TestUser client = user("CLIENT");
        usersWith(accessToken(client.username(), client.password()), 403);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        usersWith(adminClaims().expiresIn(60).sign(TestKeys.rsa().getPrivate()), 401);
    }

    @Test
    void anExpiredTokenIs401() {
        Instant now = Instant.now();
        usersWith(adminClaims().issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800)).sign(), 401);
    }

    @Test
    void anotherIssuerIs401() {
        usersWith(adminClaims().issuer("https://evil.example/gateway").expiresIn(60).sign(), 401);
    }

    @Test
    void algNoneIs401() {
        String token = adminClaims().expiresIn(60).sign();
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        usersWith(header + "." + token.split("\\.")[1] + ".", 401);
        usersWith(header + "." + token.split("\\.")[1] + "." + token.split("\\.")[2], 401);
    }

    @Test
    void garbageIs401() {
        usersWith("not-a-jwt", 401);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
