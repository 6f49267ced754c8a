package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.catalog.jobs.InventoryReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The inventory report job: valuation with the database's totals, value by category, low stock; read back with POI. */
@QuarkusTest
class InventoryReportTest extends CatalogTestBase {

    private static Row find(Sheet sheet, String sku) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && sku.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        return null;
    }

    @Test
    void theWorkbookValuesStockAtCostTotalsItByCategoryAndListsLowStock() throws Exception {
        long category = Catalog.category("Valuation " + Catalog.uniqueSku("c"), "تقييم", null);
        String plenty = Catalog.uniqueSku("INV");
        Map<String, Object> a = Catalog.productBody(plenty, "Router", "راوتر");
        a.put("category_id", category);
        a.put("stock_on_hand", 40);
        a.put("cost_price", 12.5);
        a.put("reorder_level", 5);
        Catalog.createProduct(a);
        String low = Catalog.uniqueSku("INV");
        Map<String, Object> b = Catalog.productBody(low, "Switch", "محوّل");
        b.put("category_id", category);
        b.put("stock_on_hand", 2);
        b.put("cost_price", 100);
        b.put("reorder_level", 5);
        Catalog.createProduct(b);

        Response started = given().post("/products/inventory-report");
        started.then().statusCode(202).header("Location", startsWith("/jobs/catalog-service-")).body("kind", equalTo(InventoryReport.KIND));
        String id = started.path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "SUCCEEDED".equals(given().get("/jobs/" + id).then().statusCode(200).extract().path("state")));
        long active = db.count("select count(*) from product where active");
        given().get("/jobs/" + id).then().body("counts.products", equalTo((int) active))
                .body("result.name", startsWith("inventory-"));
        byte[] file = given().get("/jobs/" + id + "/result").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet valuation = book.getSheet("Valuation");
            Row r = find(valuation, plenty);
            assertNotNull(r);
            assertEquals("راوتر", r.getCell(2).getStringCellValue());
            assertEquals(40.0, r.getCell(4).getNumericCellValue());
            assertEquals(500.0, r.getCell(8).getNumericCellValue(), "40 x 12.50");
            assertEquals(active, valuation.getLastRowNum() - 1, "one row a product, then the total");
            Row total = valuation.getRow(valuation.getLastRowNum());
            assertTrue(total.getCell(0).getStringCellValue().startsWith("Total (" + active + " products"));
            assertEquals(Double.parseDouble(db.text("select sum(stock_on_hand * coalesce(cost_price, 0))::text from product where active")),
                    total.getCell(8).getNumericCellValue(), 0.001);

            Sheet byCategory = book.getSheet("By category");
            boolean seen = false;
            for (Row row : byCategory) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(
                        db.text("select name from category where id = ?", category))) {
                    assertEquals(2.0, row.getCell(2).getNumericCellValue());
                    assertEquals(42.0, row.getCell(3).getNumericCellValue());
                    assertEquals(700.0, row.getCell(4).getNumericCellValue(), "500 + 2 x 100");
                    seen = true;
                }
            }
            assertTrue(seen, "the category has its row");

            Sheet lowStock = book.getSheet("Low stock");
            Row l = find(lowStock, low);
            assertNotNull(l, "2 available at a reorder level of 5");
            assertEquals(4.0, l.getCell(5).getNumericCellValue(), "4 units bring it above its level");
            assertEquals(null, find(lowStock, plenty));
        }
    }
}
