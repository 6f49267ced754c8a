package com.tsh.erp.clients;

import com.tsh.erp.testing.ApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The client service's whole API attacked through its own OpenAPI document ({@link ApiFuzzer}): no
 * hostile request gets a 5xx, every refusal is a problem naming the field and writes nothing, and
 * unique fields and references hold under concurrent duplicates. Only what the document cannot know
 * is given here.
 */
@QuarkusTest
class FuzzTest extends ClientsTestBase {

    @Test
    void hostileRequestsGetNo5xxAndRefusalsNameTheFieldAndWriteNothing() {
        long salesperson = People.salesperson("Fuzz", "Central");
        ApiFuzzer.of("client-service")
                .db(db)
                .rows("/clients/{id}", () -> Map.of("id", People.wholesale("Fuzz", 1_000_000)))
                .rows("/salespeople/{id}", () -> Map.of("id", People.salesperson("Fuzz", "Central")))
                .rows("/jobs/{id}", () -> Map.of("id", ClientImportTest.finishedExport("csv")))
                // a job that can still be cancelled: queued, of a kind no worker here runs
                .rows("/jobs/{id}/cancel", () -> {
                    String id = "client-service-" + UUID.randomUUID();
                    db.exec("insert into tsh_job (id, kind, started_by) values (?, 'fuzz-never-run', 'user:test-admin')", id);
                    return Map.of("id", id);
                })
                // jobs started by accepted requests finish in the background while others are sent: a refused
                // request must add no job
                .table("tsh_job", "select count(*)::text from tsh_job")
                // an upload (multipart/form-data), which the fuzzer does not build: ClientImportTest's
                .skip("/clients/imports")
                .value("phone", People::localMobile)
                .value("email", () -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@clients.example")
                .value("salesperson_id", () -> salesperson)
                .unique("POST /clients", "zoho_contact_id")
                .uniqueAcrossRows("PUT /clients/{id}", "zoho_contact_id")
                .unique("POST /clients/{id}/payments", "reference",
                        ApiFuzzer.UPPER_CASE, ApiFuzzer.FULL_WIDTH, ApiFuzzer.WITH_ZERO_WIDTH_SPACE)
                .unique("POST /clients/{id}/adjustments", "reference",
                        ApiFuzzer.UPPER_CASE, ApiFuzzer.FULL_WIDTH, ApiFuzzer.WITH_ZERO_WIDTH_SPACE)
                .run()
                .assertClean();
    }
}
