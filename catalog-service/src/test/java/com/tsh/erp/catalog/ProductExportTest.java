package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.catalog.jobs.ProductExport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The products export job, through the routes an app uses: start (202), follow, download, read the file back. */
@QuarkusTest
class ProductExportTest extends CatalogTestBase {

    private static String plain;
    private static String formula;

    @BeforeEach
    void products() {
        if (plain != null) {
            return;
        }
        plain = Catalog.uniqueSku("EXP");
        Map<String, Object> a = Catalog.productBody(plain, "USB-C cable, 1 m", "كابل يو إس بي سي ١ متر");
        a.put("stock_on_hand", 40);
        Catalog.createProduct(a);
        formula = Catalog.uniqueSku("EXP");
        Map<String, Object> b = Catalog.productBody(formula, "=HYPERLINK(\"http://evil.example\",\"click\")", "@شاحن");
        b.remove("cost_price");
        Catalog.createProduct(b);
    }

    /** Starts an export as the admin and waits for it to succeed; its job id. */
    static String finishedExport(String format) {
        Response started = given().contentType(ContentType.JSON).body("{\"format\":\"" + format + "\"}").post("/products/exports");
        started.then().statusCode(202).header("Location", startsWith("/jobs/catalog-service-"))
                .body("kind", equalTo(ProductExport.KIND)).body("state", equalTo("QUEUED"));
        String id = started.path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "SUCCEEDED".equals(given().get("/jobs/" + id).then().statusCode(200).extract().path("state")));
        return id;
    }

    private byte[] export(String format) {
        String id = finishedExport(format);
        long products = db.count("select count(*) from product");
        given().get("/jobs/" + id).then().body("progress.done", equalTo((int) products))
                .body("progress.total", equalTo((int) products))
                .body("result.content_type", equalTo("csv".equals(format) ? ProductExport.CSV : ProductExport.XLSX))
                .body("result.name", startsWith("products-"));
        Response file = given().get("/jobs/" + id + "/result");
        file.then().statusCode(200).header("Content-Disposition", startsWith("attachment; filename=\"products-"));
        return file.asByteArray();
    }

    @Test
    void aCsvExportHasEveryProductWithArabicNamesAndFormulasDefused() throws Exception {
        byte[] bytes = export("csv");
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark");
        Map<String, CSVRecord> bySku = new HashMap<>();
        List<String> header;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(r).getRecords();
            header = records.get(0).toList();
            records.subList(1, records.size()).forEach(rec -> bySku.put(rec.get(0), rec));
        }
        assertEquals(ProductExport.COLUMNS, header);
        assertEquals(db.count("select count(*) from product"), bySku.size());
        CSVRecord a = bySku.get(plain);
        assertNotNull(a, "the product is in the file");
        assertEquals("USB-C cable, 1 m", a.get(1));
        assertEquals("كابل يو إس بي سي ١ متر", a.get(2));
        assertEquals("piece", a.get(4));
        assertEquals("7500.00", a.get(5));
        assertEquals("4250.50", a.get(7));
        assertEquals("40", a.get(8));
        assertEquals("true", a.get(10));
        CSVRecord b = bySku.get(formula);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", b.get(1), "a formula is written as text");
        assertEquals("'@شاحن", b.get(2));
        assertEquals("", b.get(7), "no cost price");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"), "CRLF records");
    }

    @Test
    void anXlsxExportHasTypedCellsAndFormulasDefused() throws Exception {
        byte[] bytes = export("xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheet("Products");
            Row header = sheet.getRow(0);
            for (int i = 0; i < ProductExport.COLUMNS.size(); i++) {
                assertEquals(ProductExport.COLUMNS.get(i), header.getCell(i).getStringCellValue());
            }
            assertEquals(db.count("select count(*) from product"), sheet.getLastRowNum());
            Row a = null;
            Row b = null;
            for (Row row : sheet) {
                Cell sku = row.getCell(0);
                if (sku != null && plain.equals(sku.getStringCellValue())) {
                    a = row;
                } else if (sku != null && formula.equals(sku.getStringCellValue())) {
                    b = row;
                }
            }
            assertNotNull(a);
            assertEquals("كابل يو إس بي سي ١ متر", a.getCell(2).getStringCellValue());
            assertEquals(CellType.NUMERIC, a.getCell(5).getCellType());
            assertEquals(7500.0, a.getCell(5).getNumericCellValue());
            assertEquals(40.0, a.getCell(8).getNumericCellValue());
            assertEquals(CellType.BOOLEAN, a.getCell(10).getCellType());
            assertNotNull(b);
            assertEquals(CellType.STRING, b.getCell(1).getCellType(), "never a formula cell");
            assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", b.getCell(1).getStringCellValue());
            assertEquals(null, b.getCell(7), "no cost price");
        }
    }

    @Test
    void aBadFormatIsRefusedBeforeAnyJobIsMade() {
        long before = db.count("select count(*) from tsh_job");
        given().contentType(ContentType.JSON).body("{\"format\":\"pdf\"}").post("/products/exports").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/products/exports").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, db.count("select count(*) from tsh_job"));
    }
}
