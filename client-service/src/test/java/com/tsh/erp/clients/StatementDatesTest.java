package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statement periods and list parameters are typed: a bad value is 400 naming it, never a 500 (issue 8, class 5). */
@QuarkusTest
class StatementDatesTest extends ClientsTestBase {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {"from|+999999999-12-31", "to|-999999999-01-01", "from|2026-02-30", "to|yesterday",
            "page|abc", "per_page|1.5"})
    void aMalformedStatementParameterIs400NamingIt(String parameter, String value) {
        long client = People.wholesale("Dates Trading", 1000);
        given().queryParam(parameter, value).get("/clients/" + client + "/statement").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo(parameter));
    }

    @Test
    void aWellFormedPeriodIsAnswered() {
        long client = People.wholesale("Dates Trading", 1000);
        given().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").get("/clients/" + client + "/statement")
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {"salesperson_id|abc", "salesperson_id|1.0", "page|2147483648", "ids|''"})
    void aMalformedListParameterIs400NamingIt(String parameter, String value) {
        given().queryParam(parameter, value).get("/clients").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(parameter));
    }
}
