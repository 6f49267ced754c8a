package com.tsh.erp.catalog.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.bench.WrkLoad;
import com.tsh.erp.catalog.CatalogTestStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The products import (issue 14): 20,000 products created from a CSV, the same file again (nothing to change), every
 * price changed from an XLSX, and a dry run; time from the upload to SUCCEEDED and the heap the service used meanwhile.
 * Then the p95 of product reads by id (50 app users, 100 ms think time) alone and while a 20,000-row import runs.
 * The service, PostgreSQL, the broker and wrk share the 2 cores. Run it with the command in BENCHMARKS.md.
 */
@QuarkusTest
@CatalogTestStack
@TestProfile(BenchmarkProfile.class)
class ImportBenchmark {

    static final String COMMAND = "./mvnw -B verify -pl catalog-service -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs";
    static final int PRODUCTS = 20_000;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What the figures say; kept with the benchmark so a new run writes it again. */
    static final String NOTES = """

            What the figures say (read off a JFR recording of the create run, 2026-12-08): the job's thread was on the
            CPU for about 15 s of the 100 s; the rest it waited for PostgreSQL, which shares the 2 cores with the
            service, the relay publishing the outbox (a created product with stock writes two events) and the broker.
            A created product is an insert into a table with 11 indexes (among them a trigram GIN index and the
            search-words trigger), a ledger row, a stock update of the same row and two outbox rows; a changed
            price touches the price index, so the update is not HOT. So: **creating 20,000 products misses the one
            minute target**; changing 20,000 meets it narrowly; a file that changes nothing takes seconds. Next steps,
            not taken: pg_stat_statements over a run to find the costliest statements, then multi-row inserts for
            new products, and a lower priority (or a pause between batches) for import jobs, since the reads' p95
            during an import is far past the 20% margin (**missed**).
            """;

    @Inject
    DataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void measure() throws Exception {
        List<Long> categories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            categories.add(given().contentType("application/json").body("{\"name\":\"Bench " + i + "\",\"name_ar\":\"فئة " + i + "\"}")
                    .post("/categories").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        byte[] create = csv(categories, 1);
        byte[] prices = xlsx(categories, 2);
        List<String> rows = new ArrayList<>();
        rows.add(run("create 20,000 products, CSV (semicolon, BOM)", create, "products.csv", "text/csv", false, "created"));
        rows.add(run("the same file again (nothing changes)", create, "products.csv", "text/csv", false, "unchanged"));
        rows.add(run("change every price, XLSX", prices, "products.xlsx", XLSX, false, "updated"));
        rows.add(run("dry run of a price change, CSV", csv(categories, 3), "products.csv", "text/csv", true, "updated"));

        // reads while an import runs
        List<String> paths = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select id from product order by random() limit 2000")) {
            while (rs.next()) {
                paths.add("/products/" + rs.getLong(1));
            }
        }
        String url = base.toString().replaceAll("/$", "");
        WrkLoad.run(url, paths, 50, Duration.ofSeconds(5), Duration.ofMillis(100)); // warm-up
        WrkLoad.Result alone = WrkLoad.run(url, paths, 50, Duration.ofSeconds(20), Duration.ofMillis(100));
        byte[] again = csv(categories, 4);
        CompletableFuture<String> importing = CompletableFuture.supplyAsync(() -> {
            try {
                return run("change every price, CSV, while 50 users read (below)", again, "products.csv", "text/csv", false, "updated");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        WrkLoad.Result during = WrkLoad.run(url, paths, 50, Duration.ofSeconds(20), Duration.ofMillis(100));
        rows.add(importing.get());
        assertEquals(0, alone.errors() + during.errors(), "every read answered 200");

        String body = """
                %,d products, one row each, bilingual names, 30 categories; each import uploaded to POST /products/imports
                and followed on GET /jobs/{id} until SUCCEEDED. Time: from the upload to the job's finished_at (the
                job's own started_at to finished_at in brackets). Heap: the most the service's JVM held (used heap,
                sampled every 20 ms, garbage not yet collected included; the JVM's maximum heap is %,d MB), and what
                it held before the upload. Batches of 500 rows, one transaction each, through the same code as the API
                (each created or changed product's event in the outbox, which the relay sends to Kafka meanwhile).

                | import | rows | outcome | time (job) | peak heap | heap before |
                |---|---|---|---|---|---|
                %s

                Product reads by id (GET /products/{id}, 2,000 ids, 50 connections each waiting 100 ms after an
                answer, 20 s), alone and while the last import above ran:

                | endpoint | requests | req/s | p50 | p95 | p99 | max |
                |---|---|---|---|---|---|---|
                %s
                %s

                Target (issue 14): an import of 20,000 products in under a minute; p95 of product reads within 20%%
                of its figure while an import and a report run: p95 %.1f ms alone, %.1f ms during the import (%+.0f%%).
                No report job exists yet, so the "import and a report together" reading is not measured.
                """.formatted(PRODUCTS, MEMORY.getHeapMemoryUsage().getMax() / (1024 * 1024), String.join("\n", rows),
                alone.row("product by id, alone"), during.row("product by id, during a 20,000-row import"),
                alone.p95(), during.p95(), (during.p95() / alone.p95() - 1) * 100) + NOTES;
        System.out.println(body);
        BenchmarkReport.write("catalog-import", "catalog-service: products import, 20,000 rows (issue 14)", COMMAND, body);
    }

    /** One import, as a table row. */
    private String run(String name, byte[] file, String fileName, String type, boolean dry, String expect) throws Exception {
        System.gc();
        long before = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        String id = given().multiPart("file", fileName, file, type).multiPart("dry_run", String.valueOf(dry))
                .post("/products/imports").then().statusCode(202).extract().path("id");
        JsonPath job;
        while (true) {
            job = given().get("/jobs/" + id).then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(job.getString("state"))) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampling.set(false);
        sampler.join();
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(PRODUCTS, job.getInt("counts." + expect), job.prettify());
        double jobSeconds;
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select extract(epoch from finished_at - started_at) from tsh_job where id = '" + id + "'")) {
            rs.next();
            jobSeconds = rs.getDouble(1);
        }
        return String.format(Locale.ROOT, "| %s | %,d | %,d %s%s | %.1f s (%.1f s) | %,d MB | %,d MB |", name, PRODUCTS, PRODUCTS,
                expect, dry ? " (dry run: nothing written)" : "", seconds, jobSeconds, peak.get() / (1024 * 1024),
                before / (1024 * 1024));
    }

    private static byte[] csv(List<Long> categories, int round) {
        StringBuilder out = new StringBuilder("\uFEFFsku;name;name_ar;category_id;unit;retail_price;wholesale_price;cost_price;stock_on_hand;reorder_level;active\r\n");
        for (int i = 0; i < PRODUCTS; i++) {
            out.append("IMPB-").append(i).append(';').append(GeneratedCatalog.name(i)).append(';').append(GeneratedCatalog.nameAr(i))
                    .append(';').append(categories.get(i % categories.size())).append(";piece;")
                    .append(price(i, round)).append(';').append(price(i, round) - 100).append(';').append(price(i, round) / 2)
                    .append(';').append(i % 50).append(";5;true\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<Long> categories, int round) throws Exception {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = book.createSheet("Products");
            String[] header = {"sku", "name", "name_ar", "category_id", "retail_price", "wholesale_price"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < PRODUCTS; i++) {
                Row r = sheet.createRow(i + 1);
                r.createCell(0).setCellValue("IMPB-" + i);
                r.createCell(1).setCellValue(GeneratedCatalog.name(i));
                r.createCell(2).setCellValue(GeneratedCatalog.nameAr(i));
                r.createCell(3).setCellValue(categories.get(i % categories.size()));
                r.createCell(4).setCellValue(price(i, round) + 0.25);
                r.createCell(5).setCellValue(price(i, round) - 100);
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    private static long price(int i, int round) {
        return 1000 + (i % 97) * 25L + round * 10L;
    }
}
