package com.tsh.erp.defaults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class ServiceDefaultsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = """
            {"name": "Cable", "unit_price": 10.50, "lines": [{"sku": "A-1", "quantity": 2}]}""";

    @Test
    void aValidBodyPassesWithSnakeCaseFields() {
        given().contentType(ContentType.JSON).body(VALID)
                .post("/demo/items").then().statusCode(200)
                .body("unit_price", equalTo(10.50f));
    }

    /** Posts an item the service must refuse: a 400 problem, whose fields the caller checks. */
    private static ValidatableResponse refusedItem(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/demo/items").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheField() {
        refusedItem("{\"name\": \"Cable\", \"unit_price\": 1, \"lines\": [{\"sku\": \"A\", \"quantity\": 1}], \"colour\": \"red\"}")
                .body("type", equalTo(Problem.TYPE_PREFIX + "unknown-field"))
                .body("errors[0].field", equalTo("colour"))
                .body("status", equalTo(400));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() {
        refusedItem("{\"name\": \"Cable\", \"unit_price\": 1, \"lines\": [{\"sku\": \"A\", \"quantity\": \"two\"}]}")
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", equalTo("expected a whole number"));
    }

    @Test
    void malformedJsonIsA400() {
        refusedItem("{\"name\": ")
                .body("type", equalTo(Problem.TYPE_PREFIX + "malformed-json"));
    }

    @Test
    void everyInvalidFieldIsListedWithItsJsonName() {
        refusedItem("{\"name\": \" \", \"unit_price\": -1, \"lines\": [{\"sku\": \"A\", \"quantity\": 0}]}")
                .body("type", equalTo(Problem.TYPE_PREFIX + "validation-failed"))
                .body("errors.field", hasItems("name", "unit_price", "lines[0].quantity"));
    }

    @Test
    void aQueryParameterOutOfRangeNamesTheParameter() {
        given().queryParam("per_page", 500).get("/demo/page").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("per_page"));
        given().queryParam("per_page", 100).get("/demo/page").then().statusCode(200);
    }

    @Test
    void notFoundIsAProblemWithTheRequestId() {
        given().header("X-Request-Id", "req-404-check").get("/demo/items/7").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Item 7 does not exist"))
                .body("instance", equalTo("/demo/items/7"))
                .body("request_id", equalTo("req-404-check"));
        given().get("/no/such/route").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(Problem.TYPE_PREFIX + "not-found"));
    }

    @Test
    void anUnexpectedFailureLeaksNothing() {
        given().get("/demo/boom").then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo(Problem.TYPE_PREFIX + "internal-error"))
                .body(allOf(not(containsString("secret")), not(containsString("IllegalState")),
                        not(containsString("java.")), not(containsString("at com."))))
                .body("request_id", notNullValue());
    }

    @Test
    void theRequestIdIsTakenOrMadeAndReachesTheResourceThread() {
        given().header("X-Request-Id", "app-7f3a").get("/demo/correlation").then().statusCode(200)
                .header("X-Request-Id", "app-7f3a")
                .body("request_id", equalTo("app-7f3a"))
                .body("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));

        String made = given().get("/demo/correlation").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("X-Request-Id", made).get("/demo/correlation").then().body("request_id", equalTo(made));

        // a header that is not a plain id is replaced, never echoed
        given().header("X-Request-Id", "bad id <script>").get("/demo/correlation").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("traceparent", trace).get("/demo/correlation").then().body("traceparent", equalTo(trace));
    }

    @Test
    void readinessCoversTheDatabaseKafkaAndRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check", "Redis connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsIncludeThePoolAndHttpTimings() {
        given().contentType(ContentType.JSON).body(VALID).post("/demo/items").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("agroal_active_count"))
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("uri=\"/demo/items\""));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/demo/items"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void theDocumentDescribesTheWire() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3.0."))
                // the JSON's snake_case names, required fields, unknown fields refused, optional fields may be null
                .body("components.schemas.CreateItem.properties", allOf(hasKey("unit_price"), not(hasKey("unitPrice"))))
                .body("components.schemas.CreateItem.required", hasItems("name", "unit_price", "lines"))
                .body("components.schemas.CreateItem.additionalProperties", equalTo(false))
                .body("components.schemas.Line.properties.quantity.nullable", equalTo(true))
                // every error is a problem, declared with its status
                .body("components.schemas.Problem.properties", allOf(hasKey("request_id"), hasKey("errors")))
                .body("components.schemas.Problem.required", contains("type", "title", "status"))
                .body("components.schemas.FieldError.required", contains("field", "message"))
                .body("components.responses.BadRequest.content", hasKey(Problem.MEDIA_TYPE))
                .body("paths.'/demo/items'.post.responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/demo/items/{id}'.get.responses.'404'.'$ref'", equalTo("#/components/responses/NotFound"))
                .body("paths.'/demo/boom'.get.responses.'500'.'$ref'", equalTo("#/components/responses/InternalError"));
    }

    /** Every request of these tests goes through OpenApiContract; it must notice when the two disagree. */
    @Test
    void anAnswerTheDocumentDoesNotDescribeFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class, () -> given().get("/demo/drift"));
        assertThat(e.getMessage(), allOf(containsString("does not match the document"), containsString("colour")));
    }

    @Test
    void aRequestTheDocumentCallsInvalidButTheServiceTakesFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class, () -> given().queryParam("colour", "red").get("/demo/page"));
        assertThat(e.getMessage(), allOf(containsString("answered 200"), containsString("colour")));
    }
}
