package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.clients.jobs.ClientExport;
import com.tsh.erp.clients.jobs.ClientImport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The clients export and import through the routes an app uses; the reading of files (encodings, separators, zip
 * bombs, formulas, sizes and types) is the shared TableFile/TableUpload, tested through catalog-service's products
 * import; here what is the clients': which client a row is (id, else phone, else new), phones in any usual form,
 * the API's rules on the result, and the round trip in both formats.
 */
@QuarkusTest
class ClientImportTest extends ClientsTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Starts an export as the admin and waits for it to succeed; its job id. */
    static String finishedExport(String format) {
        Response started = given().contentType(ContentType.JSON).body("{\"format\":\"" + format + "\"}").post("/clients/exports");
        started.then().statusCode(202).header("Location", startsWith("/jobs/client-service-")).body("kind", equalTo(ClientExport.KIND));
        String id = started.path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "SUCCEEDED".equals(given().get("/jobs/" + id).then().statusCode(200).extract().path("state")));
        return id;
    }

    private static JsonPath imported(byte[] file, String name, String type, boolean dryRun) {
        Response started = given().multiPart("file", name, file, type).multiPart("dry_run", String.valueOf(dryRun))
                .post("/clients/imports");
        started.then().statusCode(202).body("kind", equalTo(ClientImport.KIND));
        String id = started.path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("SUCCEEDED", "FAILED").contains(given().get("/jobs/" + id).then().statusCode(200).extract().<String>path("state")));
        JsonPath job = given().get("/jobs/" + id).then().extract().jsonPath();
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        return job;
    }

    private static List<CSVRecord> refusals(JsonPath job) throws Exception {
        byte[] bytes = given().get("/jobs/" + job.getString("id") + "/result").then().statusCode(200).extract().asByteArray();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(r).getRecords();
            assertEquals(List.of("row", "phone", "field", "value", "reason"), records.get(0).toList());
            return records.subList(1, records.size());
        }
    }

    @Test
    void rowsAreMatchedByIdThenPhoneAndTheApisRulesHold() throws Exception {
        long byId = People.wholesale("Import by id", 500_000);
        String byIdPhone = db.text("select phone from client where id = ?", byId);
        Map<String, Object> body = People.clientBody("Import by phone", "WHOLESALE");
        long byPhone = People.client(body);
        String localPhone = (String) body.get("phone"); // 0770..., stored as +964770...
        Map<String, Object> twin = People.clientBody("Twin", "RETAIL");
        twin.put("phone", localPhone);
        People.client(twin); // two clients now share that phone
        String shared = People.localMobile();
        Map<String, Object> a = People.clientBody("Shared A", "RETAIL");
        a.put("phone", shared);
        People.client(a);
        Map<String, Object> b = People.clientBody("Shared B", "RETAIL");
        b.put("phone", shared);
        People.client(b);
        long salesperson = People.salesperson("Importer", "North");
        String fresh = People.localMobile();

        String csv = "id;name;name_ar;client_type;phone;city;salesperson_id;credit_limit\r\n"
                + byId + ";Import by id;عميل بالرقم;WHOLESALE;" + byIdPhone + ";Erbil;" + salesperson + ";750000\r\n"
                + ";New shop;محل جديد;retail;" + fresh + ";Basra;;\r\n"
                + ";Shared;مشترك;RETAIL;" + shared + ";;;\r\n"
                + "99999999;Nobody;لا أحد;RETAIL;;;;\r\n"
                + ";Bad phone;هاتف خاطئ;RETAIL;12;;;\r\n"
                + ";Retail with credit;تجزئة بائتمان;RETAIL;;;;5000\r\n"
                + ";Unknown salesperson;مندوب مجهول;WHOLESALE;;;88888888;\r\n"
                + ";Again;مرة أخرى;RETAIL;" + fresh + ";;;\r\n";
        JsonPath job = imported(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), "clients.csv", "text/csv", false);
        assertEquals(Map.of("rows", 8, "created", 1, "updated", 1, "unchanged", 0, "refused", 6), job.getMap("counts"));
        assertEquals("Erbil|" + salesperson + "|750000.00", db.text("select city || '|' || salesperson_id || '|' || credit_limit"
                + " from client where id = ?", byId));
        assertEquals("محل جديد|RETAIL|Basra", db.text("select name_ar || '|' || client_type || '|' || city from client where phone = ?",
                "+964" + fresh.substring(1)));
        List<CSVRecord> refused = refusals(job);
        assertEquals(List.of("4", "phone"), List.of(refused.get(0).get(0), refused.get(0).get(2)));
        assertTrue(refused.get(0).get(4).startsWith("2 clients have this phone"), refused.get(0).get(4));
        assertEquals(List.of("5", "id"), List.of(refused.get(1).get(0), refused.get(1).get(2)));
        assertEquals(List.of("6", "phone"), List.of(refused.get(2).get(0), refused.get(2).get(2)));
        assertEquals(List.of("7", "credit_limit"), List.of(refused.get(3).get(0), refused.get(3).get(2)), "the API's own rule");
        assertEquals(List.of("8", "salesperson_id"), List.of(refused.get(4).get(0), refused.get(4).get(2)));
        assertEquals(List.of("9", "phone"), List.of(refused.get(5).get(0), refused.get(5).get(2)));
        assertTrue(refused.get(5).get(4).contains("row 3 has it already"));
        assertEquals(1, db.count("select count(*) from client where id = ? and name = 'Import by phone'", byPhone), "untouched");
    }

    @Test
    void anExportImportedBackChangesNothingInEitherFormat() {
        People.wholesale("Round trip", 250_000);
        for (String format : List.of("csv", "xlsx")) {
            byte[] file = given().get("/jobs/" + finishedExport(format) + "/result").then().statusCode(200).extract().asByteArray();
            long clients = db.count("select count(*) from client");
            long versions = db.count("select coalesce(sum(version), 0) from client");
            long outbox = db.count("select count(*) from tsh_outbox");
            JsonPath job = imported(file, "clients." + format, format.equals("csv") ? "text/csv" : XLSX, false);
            assertEquals(clients, job.getLong("counts.unchanged"), format + ": " + job.prettify());
            assertEquals(versions, db.count("select coalesce(sum(version), 0) from client"), format);
            assertEquals(outbox, db.count("select count(*) from tsh_outbox"), format + ": no event");
        }
    }

    @Test
    void aDryRunChangesNothing() {
        String phone = People.localMobile();
        long before = db.count("select count(*) from client");
        JsonPath job = imported(("name,name_ar,client_type,phone\nDry,جاف,RETAIL," + phone + "\n").getBytes(StandardCharsets.UTF_8),
                "dry.csv", "text/csv", true);
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(before, db.count("select count(*) from client"));
        given().multiPart("file", "x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "image/png").post("/clients/imports")
                .then().statusCode(415).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
    }
}
