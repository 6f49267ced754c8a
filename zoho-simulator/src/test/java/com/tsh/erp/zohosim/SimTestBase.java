package com.tsh.erp.zohosim;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the simulator's tests share: a reset simulator with limits out of the way (the limit tests set their
 * own), a fresh access token, and the check of an answer against Zoho's document.
 */
abstract class SimTestBase {

    static final String ORG = "10234695";

    @Inject
    ZohoDocuments documents;

    String token;

    @BeforeEach
    void resetSimulator() {
        given().post("/sim/reset").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("calls_per_minute", 100_000, "calls_per_day", 1_000_000,
                "max_concurrent", 10)).put("/sim/limits").then().statusCode(200);
        token = newToken();
    }

    static String newToken() {
        return given().formParam("refresh_token", "tsh-local-refresh").formParam("client_id", "tsh-local-client")
                .formParam("client_secret", "tsh-local-secret").formParam("grant_type", "refresh_token")
                .post("/oauth/v2/token").then().statusCode(200).extract().path("access_token");
    }

    /** A call with the token and the organization. */
    RequestSpecification api() {
        return given().header("Authorization", "Zoho-oauthtoken " + token).queryParam("organization_id", ORG);
    }

    RequestSpecification json(Object body) {
        return api().contentType(ContentType.JSON).body(body);
    }

    /** The answer to {@code op} on {@code subPath} (below the base path) matches the document. */
    void conforms(Op op, String subPath, Response r) {
        ValidationReport report = documents.validateResponse(op.doc, op.method, subPath, r.statusCode(), r.asString());
        assertFalse(report.hasErrors(), () -> op + " " + subPath + ": " + SimpleValidationReportFormat.getInstance().apply(report)
                + "\nanswer: " + r.asString());
    }

    /** A new Inventory item; its item_id. */
    long item(String name, String sku, double rate) {
        return json(Map.of("name", name, "sku", sku, "rate", rate, "unit", "pcs"))
                .post("/inventory/v1/items").then().statusCode(200).extract().jsonPath().getLong("item.item_id");
    }

    /** A new Books contact; its contact_id. */
    String contact(String name) {
        return json(Map.of("contact_name", name, "contact_type", "customer", "customer_sub_type", "business"))
                .post("/books/v3/contacts").then().statusCode(201).extract().path("contact.contact_id");
    }
}
