package com.tsh.erp.jobs;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.Concurrently;
import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_jobs_test"))
class JobsTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());
    private static final String SALES_7 = TestTokens.bearer(TestTokens.salesperson("SALESPERSON", 7));
    private static final String SALES_8 = TestTokens.bearer(TestTokens.salesperson("SALESPERSON", 8));
    private static final String MANAGER = TestTokens.bearer(TestTokens.role("MANAGER"));

    private final Db db = new Db();

    @Inject
    Jobs jobs;
    @Inject
    JobWorker worker;

    private static Response start(String auth, String params) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(params).post("/test-jobs");
    }

    private static String state(String auth, String id) {
        return given().header("Authorization", auth).get("/jobs/" + id).then().statusCode(200).extract().path("state");
    }

    private static void awaitState(String id, String wanted) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> wanted.equals(state(ADMIN, id)));
    }

    @Test
    void aJobStartsWith202AndItsAddressThenRunsReportsProgressAndItsFileDownloadsWithTypeAndName() {
        Response started = start(SALES_7, "{\"n\":12,\"name\":\"كشف حساب.csv\"}");
        started.then().statusCode(202).header("Location", startsWith("/jobs/jobs-test-"))
                .body("state", equalTo("QUEUED")).body("started_by", equalTo("user:test-sp-7"))
                .body("progress.done", equalTo(0));
        String id = started.path("id");
        assertEquals("/jobs/" + id, started.header("Location"));
        awaitState(id, "SUCCEEDED");

        given().header("Authorization", SALES_7).get("/jobs/" + id).then().statusCode(200)
                .body("progress.done", equalTo(12)).body("progress.total", equalTo(12))
                .body("result.name", equalTo("كشف حساب.csv")).body("result.content_type", equalTo("text/csv; charset=UTF-8"))
                .body("result.url", equalTo("/jobs/" + id + "/result")).body("result.expired", equalTo(false))
                .body("started_at", org.hamcrest.Matchers.notNullValue()).body("finished_at", org.hamcrest.Matchers.notNullValue())
                .body("error", org.hamcrest.Matchers.nullValue());
        Response file = given().header("Authorization", SALES_7).get("/jobs/" + id + "/result");
        file.then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", equalTo("attachment; filename=\"________.csv\"; filename*=UTF-8''%D9%83%D8%B4%D9%81%20%D8%AD%D8%B3%D8%A7%D8%A8.csv"))
                .header("Cache-Control", containsString("no-store"));
        String body = file.asString();
        assertTrue(body.startsWith("from 0 attempt 1\n0\n1\n"), body);
        assertTrue(body.endsWith("\n11\n"), body);
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(file.header("Content-Length")));
    }

    @Test
    void aJobStartedWithAFileReadsItFromTheDatabaseShowsWhatItCountedAndTheFileIsDeletedWhenItFinishes() {
        byte[] upload = "sku\nA-1\nA-2\n".getBytes(StandardCharsets.UTF_8);
        JobView job = jobs.submit("count", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("n", 7),
                "user:test-admin", new Jobs.Input("products.csv", "text/csv", upload));
        assertEquals(1, db.count("select count(*) from tsh_job_input where job_id = ? and size = ?", job.id(), (long) upload.length));
        awaitState(job.id(), "SUCCEEDED");
        given().header("Authorization", ADMIN).get("/jobs/" + job.id()).then().statusCode(200)
                .body("counts.input_lines", equalTo(3)).body("counts.numbers", equalTo(7));
        assertEquals(0, db.count("select count(*) from tsh_job_input where job_id = ?", job.id()), "deleted once finished");

        // a queued job cancelled before any worker took it: its file goes with it
        String queued = "jobs-test-" + UUID.randomUUID();
        db.exec("insert into tsh_job (id, kind, started_by) values (?, 'nobody-runs-this', 'user:test-admin')", queued);
        db.exec("insert into tsh_job_input (job_id, name, content_type, size, data) values (?, 'x.csv', 'text/csv', 1, '\\x41')", queued);
        given().header("Authorization", ADMIN).post("/jobs/" + queued + "/cancel").then().statusCode(202);
        assertEquals(0, db.count("select count(*) from tsh_job_input where job_id = ?", queued));
    }

    @Test
    void aUserSeesOnlyTheirOwnJobsAndManagersSeeEvery() {
        String id = start(SALES_7, "{\"n\":1}").then().statusCode(202).extract().path("id");
        awaitState(id, "SUCCEEDED");
        given().header("Authorization", SALES_8).get("/jobs/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", SALES_8).get("/jobs/" + id + "/result").then().statusCode(404);
        given().header("Authorization", SALES_8).post("/jobs/" + id + "/cancel").then().statusCode(404);
        given().header("Authorization", MANAGER).get("/jobs/" + id).then().statusCode(200);
        List<String> mine = given().header("Authorization", SALES_8).get("/jobs?per_page=100").then().statusCode(200)
                .extract().path("items.id");
        assertFalse(mine.contains(id), "another salesperson's list has it");
        List<String> theirs = given().header("Authorization", SALES_7).get("/jobs?per_page=100").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(theirs.contains(id));
        List<String> every = given().header("Authorization", MANAGER).get("/jobs?per_page=100").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(every.contains(id));
        given().header("Authorization", ADMIN).get("/jobs/not_an_id!").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.NONE).get("/jobs/" + id).then().statusCode(401);
    }

    @Test
    void aJobThatFailsSaysWhyAndLeavesNoFile() throws Exception {
        String id = start(ADMIN, "{\"n\":20,\"fail_at\":7}").then().statusCode(202).extract().path("id");
        awaitState(id, "FAILED");
        given().header("Authorization", ADMIN).get("/jobs/" + id).then()
                .body("error", equalTo("row 7: the quantity is not a number")).body("result", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", ADMIN).get("/jobs/" + id + "/result").then().statusCode(404)
                .body("detail", equalTo("this job made no file"));
        assertFalse(Files.exists(Path.of("target/job-results", id)), "the partial file was deleted");

        String crashed = start(ADMIN, "{\"n\":20,\"crash_at\":3}").then().statusCode(202).extract().path("id");
        awaitState(crashed, "FAILED");
        given().header("Authorization", ADMIN).get("/jobs/" + crashed).then()
                .body("error", containsString("reference " + crashed)).body("error", containsString("Try again"));
    }

    @Test
    void cancellingStopsARunningJobAtItsNextReportAndAQueuedOneAtOnceButNotAFinishedOne() {
        String running = start(ADMIN, "{\"n\":1000,\"step_ms\":20}").then().statusCode(202).extract().path("id");
        awaitState(running, "RUNNING");
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count("select progress_done from tsh_job where id = ?", running) > 0);
        given().header("Authorization", ADMIN).post("/jobs/" + running + "/cancel").then().statusCode(202);
        awaitState(running, "CANCELLED");
        assertTrue(db.count("select progress_done from tsh_job where id = ?", running) < 1000);
        assertFalse(Files.exists(Path.of("target/job-results", running, "count.csv")), "the partial file was deleted");

        // a job no worker here runs stays queued: cancelled at once
        String queued = "jobs-test-" + UUID.randomUUID();
        db.exec("insert into tsh_job (id, kind, started_by) values (?, 'nobody-runs-this', 'user:test-admin')", queued);
        given().header("Authorization", ADMIN).post("/jobs/" + queued + "/cancel").then().statusCode(202)
                .body("state", equalTo("CANCELLED")).body("finished_at", org.hamcrest.Matchers.notNullValue());

        given().header("Authorization", ADMIN).post("/jobs/" + queued + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already finished"));
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAfterItsLeaseAndGoesOnFromItsLastCheckpoint() {
        String id = "jobs-test-" + UUID.randomUUID();
        db.exec("insert into tsh_job (id, kind, params, started_by, state, attempts, lease_owner, lease_until, started_at,"
                + " progress_done, progress_total, checkpoint) values (?, 'count', '{\"n\":15}', 'user:test-admin', 'RUNNING',"
                + " 1, 'a-dead-worker', clock_timestamp() - interval '1 second', clock_timestamp() - interval '1 minute',"
                + " 10, 15, '{\"next\":10}')", id);
        awaitState(id, "SUCCEEDED");
        String body = given().header("Authorization", ADMIN).get("/jobs/" + id + "/result").then().statusCode(200).extract().asString();
        assertEquals("from 10 attempt 2\n10\n11\n12\n13\n14\n", body);

        // a live lease is left alone
        String held = "jobs-test-" + UUID.randomUUID();
        db.exec("insert into tsh_job (id, kind, params, started_by, state, attempts, lease_owner, lease_until)"
                + " values (?, 'count', '{\"n\":3}', 'user:test-admin', 'RUNNING', 1, 'a-live-worker',"
                + " clock_timestamp() + interval '1 hour')", held);
        try {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> "RUNNING".equals(state(ADMIN, held)));
            assertEquals("a-live-worker", db.text("select lease_owner from tsh_job where id = ?", held));
        } finally {
            db.exec("delete from tsh_job where id = ?", held);
        }
    }

    @Test
    void aJobThatKeepsLosingItsWorkerIsFailedInsteadOfTriedForever() {
        String id = "jobs-test-" + UUID.randomUUID();
        db.exec("insert into tsh_job (id, kind, params, started_by, state, attempts, lease_owner, lease_until)"
                + " values (?, 'count', '{\"n\":5}', 'user:test-admin', 'RUNNING', 3, 'a-dead-worker',"
                + " clock_timestamp() - interval '1 second')", id);
        awaitState(id, "FAILED");
        given().header("Authorization", ADMIN).get("/jobs/" + id).then()
                .body("error", startsWith("The job stopped 3 times without finishing"));
    }

    @Test
    void twoWorkersClaimingAtOnceNeverTakeTheSameJob() throws Exception {
        String kind = "claim-" + UUID.randomUUID().toString().substring(0, 8); // no handler here: only this test claims
        for (int i = 0; i < 60; i++) {
            db.exec("insert into tsh_job (id, kind, started_by) values (?, ?, 'user:test-admin')", "jobs-test-" + UUID.randomUUID(), kind);
        }
        List<Callable<List<String>>> claimers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String name = "claimer-" + w;
            claimers.add(() -> {
                List<String> mine = new ArrayList<>();
                for (Optional<Jobs.Claimed> c = jobs.claim(name, List.of(kind)); c.isPresent(); c = jobs.claim(name, List.of(kind))) {
                    mine.add(c.get().id());
                }
                return mine;
            });
        }
        List<List<String>> claimed = Concurrently.run(4, claimers);
        Set<String> all = new HashSet<>();
        int total = 0;
        for (List<String> one : claimed) {
            all.addAll(one);
            total += one.size();
        }
        assertEquals(60, total, "every job claimed");
        assertEquals(60, all.size(), "none claimed twice");
        assertEquals(60, db.count("select count(*) from tsh_job where kind = ? and state = 'RUNNING' and attempts = 1", kind));
        db.exec("delete from tsh_job where kind = ?", kind);
    }

    @Test
    void aJobHandedBackByAStoppingReplicaIsClaimableAtOnceAndTheClaimIsNotCounted() {
        String kind = "handback-" + UUID.randomUUID().toString().substring(0, 8); // no handler here: only this test claims
        String id = "jobs-test-" + UUID.randomUUID();
        db.exec("insert into tsh_job (id, kind, started_by) values (?, ?, 'user:test-admin')", id, kind);
        assertEquals(id, jobs.claim("stopping-worker", List.of(kind)).orElseThrow().id());
        assertTrue(jobs.claim("other-worker", List.of(kind)).isEmpty(), "held under its lease");
        jobs.release(id, "stopping-worker");
        Jobs.Claimed again = jobs.claim("other-worker", List.of(kind)).orElseThrow();
        assertEquals(id, again.id());
        assertEquals(1, again.attempts(), "the handed-back claim does not count against the attempts");
        db.exec("delete from tsh_job where id = ?", id);
    }

    @Test
    void aResultPastItsKeepTimeIsDeletedAndSaysSo() {
        String id = start(ADMIN, "{\"n\":2}").then().statusCode(202).extract().path("id");
        awaitState(id, "SUCCEEDED");
        Path file = Path.of("target/job-results", id, "count.csv");
        assertTrue(Files.exists(file));
        db.exec("update tsh_job set result_expires_at = clock_timestamp() - interval '1 second' where id = ?", id);
        jobs.cleanUp();
        assertFalse(Files.exists(file), "the file was deleted");
        given().header("Authorization", ADMIN).get("/jobs/" + id).then().statusCode(200)
                .body("result.expired", equalTo(true)).body("result.url", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", ADMIN).get("/jobs/" + id + "/result").then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("run the job again"));

        db.exec("update tsh_job set finished_at = clock_timestamp() - interval '31 days' where id = ?", id);
        jobs.cleanUp();
        assertEquals(0, db.count("select count(*) from tsh_job where id = ?", id), "a finished job's row goes after 30 days");
    }
}
