package com.tsh.erp.zohosim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedTest extends SimTestBase {

    private static final DateTimeFormatter ZOHO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    @Test
    void tenTimesTodaysCatalogIsSeededQuicklyAndListedByPage() {
        long t0 = System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("items", 20_000, "contacts", 5_000)).post("/sim/seed")
                .then().statusCode(200).body("items", equalTo(20_000)).body("contacts", equalTo(5_000));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 5_000, "seeding took " + millis + " ms");

        Response first = api().get("/inventory/v1/items");
        first.then().statusCode(200).body("items.size()", equalTo(200)).body("page_context.has_more_page", equalTo(true));
        conforms(Op.ITEM_LIST, "/items", first);
        api().queryParam("page", 100).get("/inventory/v1/items").then().body("items.size()", equalTo(200))
                .body("page_context.has_more_page", equalTo(false));
        api().queryParam("page", 101).get("/inventory/v1/items").then().body("items.size()", equalTo(0));

        Response one = api().queryParam("sku", "zs-012345").get("/inventory/v1/items");
        one.then().body("items.size()", equalTo(1)).body("items[0].sku", equalTo("ZS-012345"))
                .body("items[0].custom_fields[0].customfield_id", equalTo(46000000000101L));
        assertTrue(one.jsonPath().getString("items[0].custom_fields[0].value").matches(".*[\\u0600-\\u06FF].*"));

        Response contacts = api().queryParam("per_page", 50).get("/books/v3/contacts");
        contacts.then().body("contacts.size()", equalTo(50)).body("page_context.has_more_page", equalTo(true));
        conforms(Op.CONTACT_LIST, "/contacts", contacts);
        List<String> phones = contacts.jsonPath().getList("contacts.phone");
        assertTrue(phones.stream().allMatch(p -> p.matches("\\+9647\\d{9}")), phones.toString());
        assertEquals(50, phones.stream().distinct().count());
    }

    @Test
    void lastModifiedTimeReturnsWhatChangedAtOrAfterIt() {
        given().contentType(ContentType.JSON).body(Map.of("items", 3_000)).post("/sim/seed").then().statusCode(200);
        String since = ZOHO.format(OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS));
        long sinceSeconds = OffsetDateTime.parse(since, ZOHO).toEpochSecond();

        int expected = 0;
        for (int page = 1; page <= 3; page++) {
            JsonPath all = given().queryParam("page", page).get("/sim/records/items").then().statusCode(200).extract().jsonPath();
            for (String t : all.<String>getList("items.last_modified_time")) {
                if (OffsetDateTime.parse(t, ZOHO).toEpochSecond() >= sinceSeconds) {
                    expected++;
                }
            }
        }
        assertTrue(expected > 0 && expected < 3_000, "seeded times are spread: " + expected);

        int seen = 0;
        boolean more = true;
        for (int page = 1; more; page++) {
            Response r = api().queryParam("last_modified_time", since).queryParam("sort_column", "last_modified_time")
                    .queryParam("page", page).get("/inventory/v1/items");
            r.then().statusCode(200);
            List<String> times = r.jsonPath().getList("items.last_modified_time");
            for (String t : times) {
                assertFalse(OffsetDateTime.parse(t, ZOHO).toEpochSecond() < sinceSeconds, t + " is before " + since);
            }
            seen += times.size();
            more = r.jsonPath().getBoolean("page_context.has_more_page");
        }
        assertEquals(expected, seen);

        // a change now moves the item into the window
        long item = given().queryParam("per_page", 1).get("/sim/records/items").then().extract().jsonPath().getLong("items[0].item_id");
        json(Map.of("name", "changed now")).put("/inventory/v1/items/" + item).then().statusCode(200);
        String now = ZOHO.format(Instant.now().minusSeconds(5).atOffset(java.time.ZoneOffset.UTC));
        api().queryParam("last_modified_time", now).get("/inventory/v1/items").then()
                .body("items.item_id", equalTo(List.of(item)));
    }
}
