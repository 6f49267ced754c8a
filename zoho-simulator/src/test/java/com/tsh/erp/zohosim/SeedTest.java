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

    @Test
    void importedRecordsAreStoredAsGivenWithTheirTimeAndDuplicatesRefuseTheWholeCall() {
        Map<String, Object> item = Map.of("name", "Fast charger white #41", "sku", "IMP-0041", "rate", 12500, "purchase_rate", 9000,
                "unit", "pcs", "status", "active",
                "custom_fields", List.of(Map.of("customfield_id", 46000000000101L, "value", "شاحن سريع أبيض رقم 41")));
        Map<String, Object> contact = Map.of("contact_name", "Baghdad Mobile 7", "contact_type", "customer",
                "customer_sub_type", "business", "contact_persons", List.of(Map.of("phone", "+9647700000007", "is_primary_contact", true)));
        JsonPath made = given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(item), "contacts", List.of(contact), "modified_time", "2026-01-02T03:04:05Z"))
                .post("/sim/import").then().statusCode(200).extract().jsonPath();
        String itemId = made.getString("items[0]");
        String contactId = made.getString("contacts[0]");

        Response got = api().get("/inventory/v1/items/" + itemId);
        got.then().statusCode(200).body("item.sku", equalTo("IMP-0041")).body("item.name", equalTo("Fast charger white #41"))
                .body("item.custom_fields[0].value", equalTo("شاحن سريع أبيض رقم 41"));
        conforms(Op.ITEM_GET, "/items/" + itemId, got);
        api().queryParam("sku", "IMP-0041").get("/inventory/v1/items").then()
                .body("items[0].last_modified_time", equalTo("2026-01-02T03:04:05+0000"));
        api().get("/books/v3/contacts/" + contactId).then().statusCode(200).body("contact.contact_name", equalTo("Baghdad Mobile 7"));

        // the same SKU again, beside a new contact: refused as Zoho refuses it, and the contact is not added either
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(item), "contacts",
                        List.of(Map.of("contact_name", "Not added", "contact_type", "customer"))))
                .post("/sim/import").then().statusCode(400).body("code", equalTo(1001));
        api().queryParam("contact_name", "Not added").get("/books/v3/contacts").then().body("contacts.size()", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("items", "not a list")).post("/sim/import").then().statusCode(400)
                .body("code", equalTo(2));
        // a contact person that is not an object: refused (Zoho's invalid-value answer, not a 500), and the item
        // beside it is not stored either
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("name", "Not stored", "sku", "IMP-0042")),
                        "contacts", List.of(Map.of("contact_name", "Broken persons", "contact_persons", List.of("+9647700000008")))))
                .post("/sim/import").then().statusCode(400).body("code", equalTo(2))
                .body("message", equalTo("Invalid value passed for contact_persons: every contact person is an object"));
        api().queryParam("sku", "IMP-0042").get("/inventory/v1/items").then().body("items.size()", equalTo(0));
    }
}
