package com.tsh.erp.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.ApiFuzzer;
import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fuzz suite's engine ({@link ApiFuzzer}, libs/test-support) finds what it is there to find, on
 * the demo resource that fails in every way: a 500, and a refused request that wrote; and takes the
 * valid requests of endpoints that work.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class ApiFuzzerTest {

    private final Db db = new Db();

    @Test
    void theFuzzerReportsA5xxAndARefusalThatWrote() {
        db.exec("create table if not exists demo_note (id bigserial primary key, text text not null)");

        ApiFuzzer.Report report = ApiFuzzer.of("defaults-test").db(db)
                .rows("/demo/items/{id}", () -> Map.of("id", 1))
                .run();

        List<ApiFuzzer.Failure> failures = report.failures();
        assertTrue(failures.stream().anyMatch(f -> f.kind().equals("5xx") && f.operation().equals("GET /demo/boom")),
                report.text());
        assertTrue(failures.stream().anyMatch(f -> f.kind().equals("refused request wrote to the database")
                && f.operation().equals("POST /demo/leaky-notes") && f.where().equals("body text")
                && f.value().equals("10000 chars")), report.text());
        assertTrue(report.serverErrors() >= 1 && report.requests() > 100, report.text());
        assertEquals(List.of(), failures.stream().filter(f -> f.kind().equals("valid request refused")
                || f.kind().equals("refused request wrote to the database") && !f.operation().equals("POST /demo/leaky-notes")
                || f.kind().equals("5xx") && !f.operation().equals("GET /demo/boom")).toList());
    }
}
