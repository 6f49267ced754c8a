package com.tsh.erp.defaults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Query parameters have a type: a value that is not of it is a 400 naming the parameter (never the
 * 404 "no resource" JAX-RS answers by default, never a 500), and a raw {@code ;} is data, not a
 * separator.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class QueryParameterTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "page|abc", "page|2147483648", "page|1.5", "page|1e3", "page|+1", "page|٣", "page|''",
            "category_id|abc", "category_id|99999999999999999999", "category_id|1.0",
            "min_price|abc", "min_price|1e131072", "min_price|1e-16384", "min_price|0x10", "min_price|NaN",
            "from|+999999999-12-31", "from|2026-13-01", "from|2026-02-30", "from|26-01-01", "from|tomorrow",
            "order_id|1-2-3-4-5", "order_id|3f2b8c1d9a4e4b6f8d2c1e0f9b8a7c65", "order_id|3f2b8c1d-9a4e-4b6f-8d2c-1e0f9b8a7c6z"})
    void aValueNotOfTheParametersTypeIs400NamingIt(String parameter, String value) {
        given().queryParam(parameter, value).get("/demo/filter").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(parameter))
                .body("request_id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void valuesOfTheRightTypeAndRangeAreTakenAsSent() {
        given().queryParam("category_id", "-7").queryParam("min_price", "12.50").queryParam("from", "2026-02-28")
                .queryParam("page", "3").queryParam("order_id", "3F2B8C1D-9a4e-4b6f-8d2c-1e0f9b8a7c65")
                .get("/demo/filter").then().statusCode(200)
                .body("order_id", equalTo("3f2b8c1d-9a4e-4b6f-8d2c-1e0f9b8a7c65"))
                .body("category_id", equalTo("-7")).body("min_price", equalTo("12.50"))
                .body("from", equalTo("2026-02-28")).body("page", equalTo(3));
    }

    @Test
    void aNumberOutsideTheParametersOwnRangeIs400NamingIt() {
        given().queryParam("min_price", "-1").get("/demo/filter").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("min_price"));
        given().queryParam("min_price", "1.001").get("/demo/filter").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("min_price"));
        given().queryParam("page", "0").get("/demo/filter").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void aSemicolonInThePathIs400NamingThePath() {
        given().urlEncodingEnabled(false).get("/demo/items/1;x").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("path"));
        given().get("/demo/items/1").then().statusCode(200);
    }

    @Test
    void aRawSemicolonIsPartOfTheValue() {
        given().urlEncodingEnabled(false).get("/demo/filter?q=foo;bar&page=2").then().statusCode(200)
                .body("q", equalTo("foo;bar")).body("page", equalTo(2));
        given().urlEncodingEnabled(false).get("/demo/filter?q=a%3Bb;c").then().statusCode(200)
                .body("q", equalTo("a;b;c"));
        // a ';' cannot smuggle a second parameter past the one that was checked
        given().urlEncodingEnabled(false).get("/demo/filter?q=x;page=abc").then().statusCode(200)
                .body("q", equalTo("x;page=abc")).body("page", equalTo(1));
        given().urlEncodingEnabled(false).get("/demo/filter?page=2;x").then().statusCode(400)
                .body("errors[0].field", equalTo("page")).body("detail", containsString("2;x"));
    }
}
