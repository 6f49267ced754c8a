package com.tsh.erp.zoho.bench;

import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.devstack.DevStack;
import com.tsh.erp.devstack.DevStackSettings;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.testing.ServiceProcess;
import com.tsh.erp.zoho.ZohoSim;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The Zoho sync's throughput against the simulator, with the packaged service (ServiceProcess) on the
 * real broker, PostgreSQL and Redis: a backlog of 20,000 product changes drained with Zoho's limit
 * raised to 10,000 calls a minute; the share of the default budget (100 a minute) used over 5 minutes
 * of backlog; and a full sync of 20,000 items and 5,000 contacts at the default limit against the least
 * time the limit allows. Run it with {@link #COMMAND}; it writes its section of BENCHMARKS.md.
 */
class ZohoSyncBenchmark {

    static final String COMMAND = "./mvnw -B -q install -DskipTests && ./mvnw -B verify -pl zoho-sync-service -Dtest=ZohoSyncBenchmark "
            + "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String run = "zbench" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final DevStackSettings stack = DevStack.shared().settings();

    private ServiceProcess service(ServiceProcess simulator, int perMinute, String database) {
        return ServiceProcess.of("zoho-sync-service").database(database).forTestRun(run)
                .property("tsh.zoho.api-url", simulator.baseUrl())
                .property("tsh.zoho.client-secret", "tsh-local-secret")
                .property("tsh.zoho.refresh-token", "tsh-local-refresh")
                .property("tsh.zoho.redis-prefix", "zoho-bench-" + database)
                .property("tsh.zoho.budget.calls-per-minute", String.valueOf(perMinute))
                .property("tsh.zoho.budget.calls-per-day", String.valueOf(perMinute * 1_440L))
                .property("tsh.zoho.push.workers", "8")
                .property("tsh.zoho.pull.incremental", "false")
                .property("tsh.zoho.pull.job-lease", "20s")
                .jvmOption("-Xmx512m");
    }

    @Test
    void measure() throws Exception {
        StringBuilder body = new StringBuilder();
        try (ServiceProcess simulator = ServiceProcess.of("zoho-simulator").jvmOption("-Xmx768m").start()) {
            ZohoSim sim = new ZohoSim(simulator.baseUrl());

            // 1. backlog drain at 10,000 calls a minute
            sim.limits(10_000, 10_000_000, 10);
            String drainDb = "tsh_zoho_bench_drain_" + run;
            send(20_000, 1);
            Duration drain;
            long drainCalls;
            try (ServiceProcess service = service(simulator, 10_000, drainDb).start()) {
                long before = sim.lastSeq();
                Instant start = Instant.now();
                await(() -> count(drainDb, "select count(*) from zoho_mapping where kind = 'product'") >= 20_000
                        && count(drainDb, "select count(*) from sync_task") == 0, Duration.ofMinutes(15));
                drain = Duration.between(start, Instant.now());
                List<ZohoSim.Call> calls = sim.calls(before);
                drainCalls = calls.size();
                body.append("| backlog of 20,000 new products, Zoho's limit raised to 10,000 calls/min, 8 workers | ")
                        .append(String.format(Locale.ROOT, "%,d calls in %.1f s | **%.1f calls/s** (%.1f products/s) | busiest minute %,d calls |%n",
                                drainCalls, drain.toMillis() / 1000.0, drainCalls * 1000.0 / drain.toMillis(),
                                20_000 * 1000.0 / drain.toMillis(), ZohoSim.busiestMinute(calls)));
            }

            // 2. the default budget, 5 minutes of backlog
            sim.reset();
            String budgetDb = "tsh_zoho_bench_budget_" + run;
            try (ServiceProcess service = service(simulator, 100, budgetDb).start()) {
                sendAgain(2_000);
                long before = sim.lastSeq();
                Thread.sleep(Duration.ofSeconds(20).toMillis()); // the first window fills at once; measure the steady 5 minutes after it
                long from = sim.lastSeq();
                Instant start = Instant.now();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
                List<ZohoSim.Call> calls = sim.calls(from);
                Instant end = Instant.now();
                long inWindow = calls.stream().filter(c -> !c.at().isAfter(end)).count();
                double minutes = Duration.between(start, end).toMillis() / 60_000.0;
                int busiest = ZohoSim.busiestMinute(sim.calls(before));
                body.append(String.format(Locale.ROOT, "| backlog at Zoho's default 100 calls/min, 5 minutes | %,d calls in %.2f min "
                                + "| **%.1f%% of the budget used** (target at least 90%%) | busiest minute %d calls (limit 100), %d refused by Zoho |%n",
                        inWindow, minutes, inWindow * 100.0 / (100 * minutes), busiest,
                        calls.stream().filter(c -> "limited".equals(c.outcome())).count()));
            }

            // 3. full sync at the default limit
            sim.reset();
            sim.limits(100, 10_000, 10);
            sim.seed(20_000, 5_000);
            String syncDb = "tsh_zoho_bench_sync_" + run;
            try (ServiceProcess service = service(simulator, 100, syncDb).start()) {
                Instant start = Instant.now();
                HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/sync/jobs"))
                    .header("Authorization", com.tsh.erp.testing.TestTokens.bearer(com.tsh.erp.testing.TestTokens.admin()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kinds\":[\"items\",\"contacts\"]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String job = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                await(() -> "SUCCEEDED".equals(text(syncDb, "select status from sync_job where id = '" + job + "'")), Duration.ofMinutes(10));
                Duration took = Duration.between(start, Instant.now());
                // 125 pages of 200; the first 100 calls fit one window, the other 25 wait for it to move on
                body.append(String.format(Locale.ROOT, "| full sync of 20,000 items and 5,000 contacts at 100 calls/min | 125 pages | "
                        + "**%.1f s** (least the limit allows: 60 s and the 25 calls after it, about 61 s) | |%n", took.toMillis() / 1000.0));
            }
        }
        String table = "| what | calls | result | notes |\n|---|---|---|---|\n" + body;
        BenchmarkReport.write("zoho-sync", "zoho-sync-service: calls to Zoho within its limits",
                COMMAND, "The packaged service (one replica, 512 MB heap), the Zoho simulator, PostgreSQL, Redis and the Kafka "
                        + "broker share the machine. Calls are counted from the simulator's log of what it received.\n\n" + table);
        System.out.println(table);
    }

    private void send(int products, long version) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 1; i <= products; i++) {
                long id = version * 1_000_000 + i;
                Instant now = Instant.now();
                ProductUpserted product = new ProductUpserted(id, "B" + version + "-" + i, "Bench product " + i, "منتج " + i, null, null,
                        null, "pcs", new BigDecimal("10.00"), new BigDecimal("9.00"), new BigDecimal("5.00"), 10, 0, 10, 1, 0, true, List.of(),
                        null, now, now);
                producer.send(new ProducerRecord<>(run + "." + Topics.CATALOG_PRODUCTS, String.valueOf(id),
                        EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "ProductUpserted", "Product", String.valueOf(id), 1, now,
                                "system:bench", EventEnvelope.ORIGIN_TSH, null, null, product))));
            }
        }
    }

    /** A new set of products on the same topic (the second service's database starts empty, so it reads all and pushes all). */
    private void sendAgain(int products) {
        send(products, 2);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + atMost);
            }
            Thread.sleep(500);
        }
    }

    private long count(String database, String sql) throws Exception {
        String v = text(database, sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    private String text(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), stack.pgUser(), stack.pgPassword());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
