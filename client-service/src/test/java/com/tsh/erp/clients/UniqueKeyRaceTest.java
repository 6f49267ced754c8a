package com.tsh.erp.clients;

import static com.tsh.erp.clients.People.clientBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.testing.UncommittedRow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A Zoho contact id linked by a transaction that commits while the request runs: 409 naming it, not 500. */
@QuarkusTest
class UniqueKeyRaceTest extends ClientsTestBase {

    @Test
    void aZohoContactIdCommittedMeanwhileIs409NamingIt() throws Exception {
        String zohoId = "ZC-" + UUID.randomUUID();
        Map<String, Object> body = clientBody("Race Traders", "RETAIL");
        body.put("zoho_contact_id", zohoId);
        Response r = UncommittedRow.whileHeld(db, """
                        insert into client (name, name_ar, client_type, search_text, zoho_contact_id)
                        values ('taken', 'taken', 'RETAIL', 'taken', ?)""", List.of(zohoId),
                () -> given().contentType(ContentType.JSON).body(body).post("/clients"));
        r.then().statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("zoho_contact_id"));
        assertEquals(1, db.count("select count(*) from client where zoho_contact_id = ?", zohoId), "only the other one");

        // the service's own check, once the other is committed, names the field the same way
        given().contentType(ContentType.JSON).body(body).post("/clients").then().statusCode(409)
                .body("errors[0].field", equalTo("zoho_contact_id"));
    }
}
