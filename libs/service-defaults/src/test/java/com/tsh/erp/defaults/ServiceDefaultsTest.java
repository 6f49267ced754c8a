package com.tsh.erp.defaults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tsh.erp.testing.DevStackTestResource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class ServiceDefaultsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

    @Inject
    OpenTelemetry openTelemetry;

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
        given().queryParam("per_page", 100).get("/demo/page").then().statusCode(200)
                .body("page", equalTo(1)).body("per_page", equalTo(100));
        given().queryParam("page", 0).get("/demo/page").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/demo/page").then().statusCode(200).body("page", equalTo(1)).body("per_page", equalTo(25));
    }

    @Test
    void sharedConstraintsReportTheirPartsAndShowInTheDocument() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"n\", \"unit_price\": 1.234, \"lines\": [{\"sku\": \"-A\", \"quantity\": 1}]}")
                .post("/demo/items").then().statusCode(400)
                .body("errors.field", contains("lines[0].sku", "unit_price"))
                .body("errors.message", hasItem("letters, digits and . _ / - only"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Line.properties.sku.maxLength", equalTo(64))
                .body("components.schemas.Line.properties.sku.pattern", equalTo("^(?:[A-Za-z0-9][A-Za-z0-9._/-]*)$"))
                .body("components.schemas.Line.required", hasItem("sku"))
                .body("components.schemas.CreateItem.properties.unit_price.minimum", equalTo(0.00f))
                .body("paths.'/demo/page'.get.parameters.find { it.name == 'page' }.schema.minimum", equalTo(1))
                .body("paths.'/demo/page'.get.parameters.find { it.name == 'page' }.schema.maximum", equalTo(100000))
                .body("paths.'/demo/page'.get.parameters.find { it.name == 'per_page' }.schema.maximum", equalTo(100))
                .body("paths.'/demo/page'.get.parameters.find { it.name == 'per_page' }.schema.default", equalTo(25))
                .body("paths.'/demo/page'.get.responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"));
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
                .body("request_id", equalTo("app-7f3a"));

        String made = given().get("/demo/correlation").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("X-Request-Id", made).get("/demo/correlation").then().body("request_id", equalTo(made));

        // a header that is not a plain id is replaced, never echoed
        given().header("X-Request-Id", "bad id <script>").get("/demo/correlation").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void anIncomingTraceparentIsContinuedAndItsTraceIdIsInTheLogLines() {
        List<String> lines = logLinesOf(DemoResource.class, () -> given().header("X-Request-Id", "traced-1")
                .header("traceparent", TRACEPARENT).get("/demo/correlation").then().statusCode(200)
                .body("trace_id", equalTo(TRACE_ID))
                // the request's own span, a child of the caller's
                .body("span_id", allOf(matchesPattern("[0-9a-f]{16}"), not(equalTo(CALLER_SPAN_ID)))));

        assertThat(lines, hasItem(allOf(containsString("rid=traced-1 trace=" + TRACE_ID + " span="),
                containsString("correlation asked"))));
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceOfItsOwn() {
        String first = given().get("/demo/correlation").then().statusCode(200)
                .body("trace_id", matchesPattern("[0-9a-f]{32}")).extract().path("trace_id");
        String second = given().get("/demo/correlation").then().statusCode(200)
                .body("trace_id", matchesPattern("[0-9a-f]{32}")).extract().path("trace_id");
        assertNotEquals(first, second);
        // an invalid traceparent is not continued either
        given().header("traceparent", "00-not-a-trace-01").get("/demo/correlation").then().statusCode(200)
                .body("trace_id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void aRestClientCallCarriesTheRequestIdAndTheTrace() {
        given().header("X-Request-Id", "outgoing-1").header("traceparent", TRACEPARENT)
                .get("/demo/outgoing").then().statusCode(200)
                .body("request_id", equalTo("outgoing-1"))
                .body("traceparent", matchesPattern("00-" + TRACE_ID + "-[0-9a-f]{16}-01"));
    }

    @Test
    void withoutACollectorConfiguredSpansAreExportedNowhereAndNothingComplains() {
        // with Quarkus's own default (an OTLP collector on localhost:4317, which is not there) every
        // export logs a warning from the exporter
        List<String> complaints = logLinesOf(Level.WARNING, () -> {
            given().header("traceparent", TRACEPARENT).get("/demo/correlation").then().statusCode(200);
            ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
            sleep(Duration.ofSeconds(1));
        }, "io.quarkus.opentelemetry", "io.opentelemetry");
        assertEquals(List.of(), complaints);
    }

    @Test
    void readinessIsTheDatabaseOnly() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                // the broker and Redis are dependencies, not readiness (messaging's own check only
                // reports channels, and libs/outbox turns their readiness off)
                .body("checks.name", not(hasItems("Kafka connection health check")))
                .body("checks.name", not(hasItems("Redis connection health check")));
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

    /** The lines a logger wrote while {@code action} ran, formatted as the console formats them. */
    private static List<String> logLinesOf(Class<?> source, Runnable action) {
        return logLinesOf(Level.ALL, action, source.getName());
    }

    private static List<String> logLinesOf(Level atLeast, Runnable action, String... categories) {
        PatternFormatter console = new PatternFormatter(
                ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class));
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                lines.add(console.format(record));
            }
        };
        capture.setLevel(atLeast);
        List<Logger> loggers = Arrays.stream(categories).map(Logger::getLogger).toList();
        loggers.forEach(l -> l.addHandler(capture));
        try {
            action.run();
        } finally {
            loggers.forEach(l -> l.removeHandler(capture));
        }
        return lines;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
