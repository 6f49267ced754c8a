package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.createProduct;
import static com.tsh.erp.catalog.Catalog.productBody;
import static com.tsh.erp.catalog.Catalog.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product list's parameters, as an app or an attacker sends them (issue 8, classes 5 and 6). */
@QuarkusTest
class ListParametersTest extends CatalogTestBase {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "page|abc", "page|2147483648", "page|1.5", "per_page|101", "min_price|abc", "category_id|abc",
            "min_price|1e131072", "max_price|1e-16384", "max_price|-1", "ids|''", "ids|,", "ids|1,x"})
    void aMalformedParameterIs400NamingIt(String parameter, String value) {
        given().queryParam(parameter, value).get("/products").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void aSemicolonInTheSearchIsPartOfTheWords() {
        String sku = uniqueSku("SEMI");
        createProduct(productBody(sku, "Adapter foo;bar edition", "محول"));
        given().urlEncodingEnabled(false).get("/products?q=foo;bar").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].sku", equalTo(sku));
        given().urlEncodingEnabled(false).get("/products?q=foo;zzz").then().statusCode(200)
                .body("items", hasSize(0));
    }
}
