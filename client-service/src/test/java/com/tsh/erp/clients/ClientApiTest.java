package com.tsh.erp.clients;

import static com.tsh.erp.clients.People.clientBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ClientApiTest extends ClientsTestBase {

    private static final String PROBLEM = "application/problem+json";

    private long clients() {
        return db.count("select count(*) from client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0770 %s %s", "+964 770 %s %s", "00964770%s%s", "0770-%s-%s", "+964-770-%s-%s", "٠٧٧٠%s%s"})
    void everyWrittenFormOfAnIraqiMobileIsStoredAsE164(String pattern) {
        String a = String.format("%03d", (int) (Math.random() * 1000));
        String b = String.format("%04d", (int) (Math.random() * 10000));
        Map<String, Object> body = clientBody("Phone " + UUID.randomUUID(), "RETAIL");
        body.put("phone", String.format(pattern, a, b));
        long id = People.client(body);
        given().get("/clients/" + id).then().body("phone", equalTo("+964770" + a + b));
    }

    @Test
    void aClientIsFoundByAnyFormOfItsPhoneByNameAndByEmail() {
        String tag = "srch" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = clientBody("Al-Noor " + tag, "WHOLESALE");
        body.put("name_ar", "النور للإلكترونيات " + tag);
        body.put("phone", "0771 234 5678");
        body.put("email", tag + "@alnoor.example");
        long id = People.client(body);
        for (String q : new String[]{"07712345678", "+964 771 234 5678", "00964-771-234-5678", "771 234 5678", "٠٧٧١٢٣٤٥٦٧٨"}) {
            given().queryParam("q", q).get("/clients").then().statusCode(200).body("items.id", hasItem((int) id));
        }
        given().queryParam("q", "النور للالكترونيات " + tag).get("/clients").then().body("items.id", hasItem((int) id));
        given().queryParam("q", "noor " + tag.toUpperCase()).get("/clients").then().body("items.id", hasItem((int) id));
        given().queryParam("q", tag + "@alnoor").get("/clients").then().body("items.id", contains((int) id));
        given().queryParam("q", "nobody-" + UUID.randomUUID()).get("/clients").then().body("items.size()", equalTo(0));
    }

    @Test
    void badInputsAreRefusedAndWriteNothing() {
        long before = clients();
        Map<String, Object> badPhone = clientBody("Bad phone", "RETAIL");
        badPhone.put("phone", "0770 12");
        given().contentType(ContentType.JSON).body(badPhone).post("/clients").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("phone"));

        Map<String, Object> negative = clientBody("Negative", "WHOLESALE");
        negative.put("credit_limit", -5);
        given().contentType(ContentType.JSON).body(negative).post("/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("credit_limit"));

        Map<String, Object> unknownSalesperson = clientBody("Orphan", "WHOLESALE");
        unknownSalesperson.put("salesperson_id", 99999999);
        given().contentType(ContentType.JSON).body(unknownSalesperson).post("/clients").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("salesperson_id"));

        Map<String, Object> many = clientBody("", "CORPORATE");
        many.put("email", "not-an-email");
        many.put("shoe_size", 44);
        given().contentType(ContentType.JSON).body(many).post("/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("shoe_size"));
        many.remove("shoe_size");
        given().contentType(ContentType.JSON).body(many).post("/clients").then().statusCode(400)
                .body("errors.field", hasItems("name", "client_type", "email"));

        given().queryParam("per_page", 101).get("/clients").then().statusCode(400).body("errors[0].field", equalTo("per_page"));
        given().queryParam("type", "VIP").get("/clients").then().statusCode(400).body("errors[0].field", equalTo("type"));
        assertEquals(before, clients());
    }

    @Test
    void updatesNeedTheCurrentVersionAndReassignMovesTheClient() {
        long sp1 = People.salesperson("Hassan " + UUID.randomUUID(), "South");
        long sp2 = People.salesperson("Zainab " + UUID.randomUUID(), "North");
        Map<String, Object> body = clientBody("Versioned " + UUID.randomUUID(), "WHOLESALE");
        body.put("salesperson_id", sp1);
        long id = People.client(body);

        body.put("version", 0);
        body.put("city", "Basra");
        given().contentType(ContentType.JSON).body(body).put("/clients/" + id).then().statusCode(200)
                .body("city", equalTo("Basra")).body("version", equalTo(1));
        body.put("city", "Mosul");
        given().contentType(ContentType.JSON).body(body).put("/clients/" + id).then().statusCode(409);
        given().get("/clients/" + id).then().body("city", equalTo("Basra"));

        given().contentType(ContentType.JSON).body(Map.of("salesperson_id", sp2)).put("/clients/" + id + "/salesperson")
                .then().statusCode(200).body("salesperson_id", equalTo((int) sp2));
        given().get("/salespeople/" + sp2 + "/clients").then().statusCode(200).body("items.id", contains((int) id));
        given().get("/salespeople/" + sp1 + "/clients").then().body("items.size()", equalTo(0));
        given().queryParam("salesperson_id", sp2).get("/clients").then().body("items.id", contains((int) id));
        given().contentType(ContentType.JSON).body(Map.of("salesperson_id", 77777777)).put("/clients/" + id + "/salesperson")
                .then().statusCode(422).body("errors[0].field", equalTo("salesperson_id"));

        given().post("/clients/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        given().queryParam("salesperson_id", sp2).get("/clients").then().body("items.size()", equalTo(0));
        given().queryParam("salesperson_id", sp2).queryParam("active", "false").get("/clients").then()
                .body("items.id", contains((int) id));
    }

    @Test
    void batchByIdsForTheGateway() {
        long a = People.client(clientBody("Batch A " + UUID.randomUUID(), "RETAIL"));
        long b = People.client(clientBody("Batch B " + UUID.randomUUID(), "RETAIL"));
        given().queryParam("ids", b + "," + a + ",123456789").get("/clients").then().statusCode(200)
                .body("items.id", contains((int) b, (int) a)).body("missing", contains(123456789));
        given().queryParam("ids", "a,b").get("/clients").then().statusCode(400).body("errors[0].field", equalTo("ids"));
    }

    @Test
    void salespeopleAreListedSearchedAndValidated() {
        String tag = "sp" + UUID.randomUUID().toString().substring(0, 6);
        long id = People.salesperson("Ali " + tag, "West");
        given().queryParam("q", "ali " + tag).get("/salespeople").then().body("items.id", contains((int) id));
        given().queryParam("region", "West").queryParam("kind", "TRAVEL").get("/salespeople").then()
                .body("items.id", hasItem((int) id));
        given().get("/salespeople/" + id).then().body("commission_rate", equalTo(2.5f)).body("kind", equalTo("TRAVEL"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "name_ar", "س", "kind", "BOSS", "commission_rate", 150))
                .post("/salespeople").then().statusCode(400).body("errors.field", hasItems("kind", "commission_rate"));
        given().post("/salespeople/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        Map<String, Object> body = clientBody("For inactive " + tag, "RETAIL");
        body.put("salesperson_id", id);
        given().contentType(ContentType.JSON).body(body).post("/clients").then().statusCode(422);
    }

    /** The document at /q/openapi is what app developers generate clients from: it must name what is on the wire. */
    @Test
    void theDocumentDescribesTheWire() {
        assertTrue(RestAssured.filters().contains(OpenApiContract.FILTER), "every request of these tests is checked against it");
        String problem = "#/components/responses/";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3.0."))
                .body("components.schemas.ClientDetail.properties", allOf(hasKey("name_ar"), hasKey("client_type"),
                        hasKey("available_credit"), not(hasKey("nameAr")), not(hasKey("creditLimit"))))
                .body("components.schemas.ClientDetail.properties.client_type.enum", contains("WHOLESALE", "RETAIL"))
                .body("components.schemas.ClientDetail.properties.available_credit.nullable", equalTo(true))
                .body("components.schemas.ClientFields.required", contains("name", "name_ar", "client_type"))
                .body("components.schemas.ClientFields.additionalProperties", equalTo(false))
                .body("components.schemas.Payment.properties.method.enum", contains("CASH", "BANK_TRANSFER", "CHEQUE", "CARD"))
                .body("components.schemas.Statement.properties.from.format", equalTo("date"))
                .body("components.schemas.SalespersonView.properties.kind.enum", hasItems("INTERNAL", "TRAVEL"))
                .body("paths.'/clients'.get.parameters.name", hasItems("salesperson_id", "per_page", "ids"))
                .body("paths.'/clients'.get.parameters.find { it.name == 'type' }.schema.enum", contains("WHOLESALE", "RETAIL"))
                .body("paths.'/clients'.post.responses.'422'.'$ref'", equalTo(problem + "Unprocessable"))
                .body("paths.'/clients/{id}/payments'.post.responses", allOf(hasKey("201"), hasKey("409")))
                .body("paths.'/clients/{id}/statement'.get.responses.'404'.'$ref'", equalTo(problem + "NotFound"))
                .body("components.responses.Conflict.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }
}
