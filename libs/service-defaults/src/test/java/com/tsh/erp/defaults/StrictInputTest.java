package com.tsh.erp.defaults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Input is taken as sent or refused naming the field: no NUL, no lone surrogate, no truncated fraction. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static String item(String name, String quantity) {
        return "{\"name\": \"" + name + "\", \"unit_price\": 1, \"lines\": [{\"sku\": \"A-1\", \"quantity\": " + quantity + "}]}";
    }

    @Test
    void aNulInABodyFieldIs400NamingIt() {
        given().contentType(ContentType.JSON).body(item("Ca\\u0000ble", "1")).post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name")).body("errors[0].message", startsWith("contains a NUL"));
    }

    @Test
    void aLoneSurrogateOrAControlCharacterIs400ButTabsAndArabicMarksPass() {
        given().contentType(ContentType.JSON).body(item("Cable \\ud800", "1")).post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("contains an unpaired UTF-16 surrogate"));
        given().contentType(ContentType.JSON).body("{\"name\": \"Cable\", \"unit_price\": 1, \"lines\": [{\"sku\": \"A\\u0007\", \"quantity\": 1}]}")
                .post("/demo/items").then().statusCode(400).body("errors[0].field", equalTo("lines[0].sku"))
                .body("errors[0].message", equalTo("contains the control character U+0007"));
        // a tab, a right-to-left mark, a zero-width joiner, a paired surrogate (an emoji), Arabic-Indic digits
        given().contentType(ContentType.JSON).body(item("شاحن\\t\\u200f\\u200d \\ud83d\\udd0c ٢٠", "1")).post("/demo/items")
                .then().statusCode(200).body("name", equalTo("شاحن\t\u200f\u200d \ud83d\udd0c ٢٠"));
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotTruncated() {
        given().contentType(ContentType.JSON).body(item("Cable", "1.9")).post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", equalTo("expected a whole number"));
        given().contentType(ContentType.JSON).body(item("Cable", "2")).post("/demo/items")
                .then().statusCode(200).body("lines[0].quantity", equalTo(2));
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNotConverted() {
        given().contentType(ContentType.JSON).body(item("Cable", "\"2\"")).post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lines[0].quantity"));
        given().contentType(ContentType.JSON).body(item("Cable", "\"\u0663\"")).post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lines[0].quantity"));
        given().contentType(ContentType.JSON).body("{\"name\": 12, \"unit_price\": 1, \"lines\": []}").post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\": \"Cable\", \"unit_price\": \"\", \"lines\": []}").post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unit_price"));
    }

    @Test
    void aFieldGivenTwiceOrTextAfterTheBodyIsRefused() {
        // the record's last field given twice made Jackson fail with a 500; any field twice was resolved quietly
        given().contentType(ContentType.JSON).body(item("Cable", "1, \"quantity\": 2")).post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", equalTo("given twice"));
        given().contentType(ContentType.JSON).body("{\"name\": \"A\", \"name\": \"B\", \"unit_price\": 1, \"lines\": []}")
                .post("/demo/items").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(item("Cable", "1") + " {}").post("/demo/items")
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-json"));
    }

    @Test
    void aNulInAQueryParameterOrThePathIs400NamingIt() {
        given().urlEncodingEnabled(false).get("/demo/page?per_page=5%00").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("per_page"));
        given().urlEncodingEnabled(false).get("/demo/items/1%00").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("path"));
    }
}
