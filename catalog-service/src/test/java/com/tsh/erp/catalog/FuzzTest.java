package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.createProduct;
import static com.tsh.erp.catalog.Catalog.productBody;
import static com.tsh.erp.catalog.Catalog.uniqueSku;

import com.tsh.erp.testing.ApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalog's whole API attacked through its own OpenAPI document ({@link ApiFuzzer}): no hostile
 * request gets a 5xx, every refusal is a problem naming the field and writes nothing, and unique
 * fields hold under concurrent duplicates. Only what the document cannot know is given here.
 */
@QuarkusTest
class FuzzTest extends CatalogTestBase {

    @Test
    void hostileRequestsGetNo5xxAndRefusalsNameTheFieldAndWriteNothing() {
        long category = Catalog.category("Fuzz", "فحص", null);
        ApiFuzzer.of("catalog-service")
                .db(db)
                .rows("/products/{id}", () -> Map.of("id", Catalog.product("Fuzz", "فحص", 10)))
                .rows("/products/by-sku/{sku}", () -> {
                    String sku = uniqueSku("FZ");
                    createProduct(productBody(sku, "Fuzz", "فحص"));
                    return Map.of("sku", sku);
                })
                .rows("/categories/{id}", () -> Map.of("id", Catalog.category("Fuzz", "فحص", null)))
                .rows("/jobs/{id}", () -> Map.of("id", ProductExportTest.finishedExport("csv")))
                // a job that can still be cancelled: queued, of a kind no worker here runs
                .rows("/jobs/{id}/cancel", () -> {
                    String id = "catalog-service-" + java.util.UUID.randomUUID();
                    db.exec("insert into tsh_job (id, kind, started_by) values (?, 'fuzz-never-run', 'user:test-admin')", id);
                    return Map.of("id", id);
                })
                // jobs started by accepted requests finish in the background while others are sent: a refused
                // request must add no job
                .table("tsh_job", "select count(*)::text from tsh_job")
                // an upload (multipart/form-data), which the fuzzer does not build: its bad files, sizes, types and
                // fields are ProductImportTest's
                .skip("/products/imports")
                .value("category_id", () -> category)
                .value("parent_id", () -> category)
                .unique("POST /products", "sku", ApiFuzzer.LOWER_CASE)
                .unique("POST /products", "zoho_item_id")
                .uniqueAcrossRows("PUT /products/{id}", "sku", ApiFuzzer.LOWER_CASE)
                .uniqueAcrossRows("PUT /products/{id}", "zoho_item_id")
                .run()
                .assertClean();
    }
}
