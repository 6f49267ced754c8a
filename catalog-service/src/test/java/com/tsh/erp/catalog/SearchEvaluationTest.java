package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.catalog.bench.GeneratedCatalog;
import com.tsh.erp.catalog.service.ProductSearch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The labelled evaluation ({@link SearchEvaluation}) against the real service: the benchmark's
 * 20,000 generated products and the demo data in a database of this class's own (its profile
 * restarts the service on a new, empty database), every query through {@code GET /products?q=}.
 * Fails below 95% recall at 10.
 */
@QuarkusTest
@TestProfile(SearchEvaluationTest.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEvaluationTest extends CatalogTestBase {

    /** Nothing but a profile of its own, so that the catalog holds exactly the evaluation's products. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ProductSearch search;

    private boolean seeded;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        GeneratedCatalog.seed(dataSource, 20_000, 0);
        demoProduct("TSH-CBL-0001", "USB-C cable 1 m", "كابل يو إس بي سي ١ متر");
        demoProduct("TSH-CBL-0002", "Lightning cable 2 m", "كابل لايتنينغ ٢ متر");
        demoProduct("TSH-CHG-0007", "Fast charger 20 W", "شاحن سريع ٢٠ واط");
    }

    /** As deploy/local/demo-data.sh makes them. */
    private static void demoProduct(String sku, String name, String nameAr) {
        Map<String, Object> body = Catalog.productBody(sku, name, nameAr);
        body.put("stock_on_hand", 35);
        Catalog.createProduct(body);
    }

    static List<String> skus(String q) {
        return given().queryParam("q", q).get("/products").then().statusCode(200).extract().jsonPath().getList("items.sku");
    }

    @Test
    void everyKindOfSearchIsAnsweredFromAnIndex() {
        long department = db.count("select id from category where name = 'Department 3'");
        for (SearchEvaluation.Kind kind : SearchEvaluation.kinds(department)) {
            String plans = plans(kind.query());
            System.out.println("-- " + kind.label() + "\n" + plans + "\n");
            assertFalse(plans.contains("Seq Scan on product"), kind.label() + " scans the products:\n" + plans);
        }
    }

    /** The benchmark's catalog has 101 words, which PostgreSQL reads whole; a real vocabulary is read through the index. */
    @Test
    void theTypoStepLooksWordsUpInTheIndexOfALargeVocabulary() {
        db.exec("insert into search_word (word) select 'zz' || md5(i::text) from generate_series(1, 20000) i");
        db.exec("analyze search_word");
        try {
            String plans = plans(SearchEvaluation.kinds(0).stream()
                    .filter(k -> k.label().equals("typo fallback")).findFirst().orElseThrow().query());
            assertFalse(plans.contains("Seq Scan"), plans);
            assertTrue(plans.contains("search_word_trgm_idx"), plans);
        } finally {
            db.exec("delete from search_word where word like 'zz%'");
            db.exec("analyze search_word");
        }
    }

    private String plans(com.tsh.erp.catalog.service.ProductQuery q) {
        return String.join("\n\n", search.explain(q).stream().map(p -> p.statement() + "\n" + p.plan()).toList());
    }

    @Test
    void recallAtTenIsAtLeast95Percent() {
        List<SearchEvaluation.Query> queries = SearchEvaluation.queries();
        SearchEvaluation.Result result = SearchEvaluation.run(queries, SearchEvaluationTest::skus);
        System.out.println("Search evaluation, " + queries.size() + " queries " + SearchEvaluation.languages(queries) + "\n"
                + result.table("category") + "\nMisses:\n" + result.missList());
        assertTrue(queries.size() >= 150, "at least 150 labelled queries");
        assertTrue(result.recall() >= 0.95, String.format("recall@10 %.3f, below 0.95; misses:%n%s", result.recall(), result.missList()));
    }
}
