package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.testing.Db;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/** What every {@code @QuarkusTest} of the gateway stands on: the stack, the database, and signing in. */
@GatewayTestStack
abstract class GatewayTestBase {

    private static final AtomicLong NAMES = new AtomicLong(System.nanoTime() % 1_000_000);
    static final ObjectMapper JSON = new ObjectMapper();

    protected final Db db = new Db();

    /** A user made by the admin: its id, name and password. */
    protected record TestUser(long id, String username, String password) {
    }

    protected static String adminPassword() {
        return ConfigProvider.getConfig().getValue("tsh.gateway.admin-password", String.class);
    }

    protected static String uniqueName(String prefix) {
        return prefix + "." + NAMES.incrementAndGet();
    }

    protected static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password)).post("/api/v1/auth/login");
    }

    protected static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/api/v1/auth/refresh");
    }

    protected static String accessToken(String username, String password) {
        return login(username, password).then().statusCode(200).extract().path("access_token");
    }

    protected static String adminToken() {
        return accessToken(TestKeys.ADMIN, adminPassword());
    }

    protected static Response asAdmin(String method, String path, Object body) {
        var spec = given().header("Authorization", "Bearer " + adminToken()).contentType(ContentType.JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(method, path);
    }

    /** A body for POST /api/v1/users. */
    protected static Map<String, Object> newUser(String username, String password, List<String> roles, Long salespersonId, Long clientId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("roles", roles);
        body.put("salesperson_id", salespersonId);
        body.put("client_id", clientId);
        return body;
    }

    protected static TestUser user(String... roles) {
        String name = uniqueName("user");
        String password = "secret-" + name;
        List<String> list = List.of(roles);
        Long seller = list.stream().anyMatch(r -> r.contains("SALES")) ? 42L : null;
        Long client = list.contains("CLIENT") ? 7L : null;
        int id = asAdmin("POST", "/api/v1/users", newUser(name, password, list, seller, client)).then().statusCode(201).extract().path("id");
        return new TestUser(id, name, password);
    }

    /** The claims of a JWT (read, not verified). */
    protected static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
