package com.tsh.erp.orders.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.orders.OrdersTestStack;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.ServiceProcess;
import com.tsh.erp.testing.TestRun;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import jakarta.inject.Inject;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The saga's latency with all three services and the real broker: orders placed at a fixed rate
 * (an open model: each POST is sent when it is due, whatever the earlier ones are doing) and the
 * time from then until the order is CONFIRMED, at 5, 20 and 50 orders per second. order-service
 * runs in the test JVM; catalog-service and client-service run as their packaged jars
 * (ServiceProcess) on the same broker, PostgreSQL and Redis, on this run's topics. Products,
 * clients and a salesperson are made through their REST APIs and reach order-service by events.
 * Run it with the command in BENCHMARKS.md.
 */
@QuarkusTest
@OrdersTestStack
@TestProfile(BenchmarkProfile.class)
class SagaLatencyBenchmark {

    static final String COMMAND = "./mvnw -B -q install -DskipTests && ./mvnw -B verify -pl order-service -Dtest=SagaLatencyBenchmark "
            + "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs";
    static final int PRODUCTS = 200;
    static final int WHOLESALE_CLIENTS = 100;
    static final int RETAIL_CLIENTS = 25;

    private final TestRun run = new TestRun();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    DataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    /** When each order's OrderConfirmed (or OrderRejected) was read from orders.orders, by order id. */
    private final Map<String, Long> confirmedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> rejectedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean(true);

    @Test
    void measure() throws Exception {
        String runId = run.id();
        try (ServiceProcess catalog = ServiceProcess.of("catalog-service").database("tsh_catalog_" + runId).forTestRun(runId)
                .property("tsh.catalog.cache-prefix", "catalog-test-" + runId).start();
             ServiceProcess clients = ServiceProcess.of("client-service").database("tsh_clients_" + runId).forTestRun(runId).start()) {
            Thread listener = new Thread(this::listen, "orders-listener");
            listener.setDaemon(true);
            listener.start();

            long[] products = new long[PRODUCTS];
            Random rnd = new Random(5);
            for (int i = 0; i < PRODUCTS; i++) {
                long retail = 1_000 + 250L * rnd.nextInt(200);
                products[i] = post(catalog.baseUrl() + "/products", """
                        {"sku":"SAGA-%04d","name":"Saga product %d","name_ar":"منتج %d","retail_price":%d,"wholesale_price":%d,
                         "stock_on_hand":10000000}""".formatted(i, i, i, retail, retail * 85 / 100));
            }
            long salesperson = post(clients.baseUrl() + "/salespeople", """
                    {"name":"Saga seller","name_ar":"بائع","kind":"INTERNAL","commission_rate":2.5}""");
            List<Long> clientIds = new ArrayList<>();
            for (int i = 0; i < WHOLESALE_CLIENTS + RETAIL_CLIENTS; i++) {
                boolean wholesale = i < WHOLESALE_CLIENTS;
                clientIds.add(post(clients.baseUrl() + "/clients", """
                        {"name":"Saga client %d","name_ar":"عميل %d","client_type":"%s","salesperson_id":%d,"credit_limit":%s}"""
                        .formatted(i, i, wholesale ? "WHOLESALE" : "RETAIL", salesperson, wholesale ? "500000000000.00" : "0")));
            }
            Db db = new Db(dataSource);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (db.count("select count(*) from product_view") < PRODUCTS || db.count("select count(*) from client_view") < clientIds.size()) {
                assertTrue(System.nanoTime() < deadline, "the read models filled within 2 minutes");
                Thread.sleep(100);
            }

            String url = base.toString().replaceAll("/$", "") + "/orders";
            Load first = place(url, products, clientIds, 1, 1, rnd); // one order through the whole saga first
            awaitFinal(first, Duration.ofSeconds(60));
            assertEquals(1, first.confirmed(), "a first order was confirmed: " + first);

            place(url, products, clientIds, 5, 20, rnd); // warm-up: every service's code paths compiled
            Thread.sleep(5_000);
            Backlog slowSampler = new Backlog(runId, catalog.baseUrl(), clients.baseUrl());
            Thread sampling = new Thread(slowSampler, "backlog-sampler");
            sampling.setDaemon(true);
            sampling.start();
            Cpu cpu = Cpu.now();
            Load slow = place(url, products, clientIds, 5, 60, rnd);
            awaitFinal(slow, Duration.ofSeconds(40));
            slowSampler.stop();
            sampling.join();
            String slowCpu = cpu.perOrder(slow.sent.size());
            Backlog midSampler = new Backlog(runId, catalog.baseUrl(), clients.baseUrl());
            Thread midSampling = new Thread(midSampler, "backlog-sampler");
            midSampling.setDaemon(true);
            midSampling.start();
            cpu = Cpu.now();
            Load mid = place(url, products, clientIds, 20, 30, rnd);
            awaitFinal(mid, Duration.ofSeconds(40));
            midSampler.stop();
            midSampling.join();
            String midCpu = cpu.perOrder(mid.sent.size());
            Backlog fastBacklog = new Backlog(runId, catalog.baseUrl(), clients.baseUrl());
            Thread sampler = new Thread(fastBacklog, "backlog-sampler");
            sampler.setDaemon(true);
            sampler.start();
            cpu = Cpu.now();
            Load fast = place(url, products, clientIds, 50, 30, rnd);
            awaitFinal(fast, Duration.ofSeconds(40));
            fastBacklog.stop();
            sampler.join();
            String fastCpu = cpu.perOrder(fast.sent.size());
            listening.set(false);

            String body = """
                    order-service (in the test JVM), catalog-service and client-service (their packaged jars, 384 MB heap each),
                    PostgreSQL, Redis, the Kafka broker and the load share the 2 cores. %d products, %d wholesale and %d retail
                    clients made through the services' REST APIs; each order 1-3 lines of 1-5 units of random products for a
                    random client (a fifth retail), with its own `Idempotency-Key`. Orders are sent at a fixed rate, each when
                    it is due (an open model: a slow answer delays no later order), after a warm-up of 100 orders at 5/s.

                    Latency from the moment a `POST /orders` was due to the moment its `OrderConfirmed` was read from
                    orders.orders by a consumer in the test JVM (what the apps and the Zoho sync see), and, beside it, to
                    the order's `confirmed_at` as stored (the commit of the confirmation, before the relay publishes it);
                    `POST` is the time to the 201 answer.

                    | offered load | orders | confirmed | p50 | p95 | p99 | max | to `confirmed_at`: p50 / p95 / p99 | `POST`: p50 / p95 / p99 |
                    |---|---|---|---|---|---|---|---|---|
                    %s
                    %s
                    %s

                    Target: p95 under 150 ms (POST to CONFIRMED).

                    Where the orders waited: the largest backlog seen (sampled every second) of each consumer group on
                    its topic (records not yet consumed) and of each service's outbox (`tsh_outbox_backlog`, events not
                    yet published):

                    | offered load | %s |
                    |---|---|---|---|---|---|---|---|
                    | 5 orders/s | %s |
                    | 20 orders/s | %s |
                    | 50 orders/s | %s |

                    (A consumer commits its offsets every few seconds, so a backlog of a few seconds' records is only
                    that.) CPU time each order cost, from /proc over each load (its user and system time divided by the
                    orders sent; "test JVM" is order-service and the load generator together). The 2 cores give 2,000 ms
                    of CPU a second, so the sum says how many orders a second this machine can carry at most:

                    | offered load | %s |
                    |---|---|---|---|---|---|---|
                    | 5 orders/s | %s |
                    | 20 orders/s | %s |
                    | 50 orders/s | %s |
                    """.formatted(PRODUCTS, WHOLESALE_CLIENTS, RETAIL_CLIENTS, slow.row(), mid.row(), fast.row(), Backlog.HEADER,
                    slowSampler.row(), midSampler.row(), fastBacklog.row(), Cpu.HEADER, slowCpu, midCpu, fastCpu);
            System.out.println(body);
            BenchmarkReport.write("order-saga", "order-service: from POST /orders to CONFIRMED, all three services", COMMAND, body);
        } finally {
            listening.set(false);
        }
    }

    /** One load: what was sent when, and what came back. Times in nanoseconds (System.nanoTime), wall clock for the database. */
    private final class Load {
        final int rate;
        final int seconds;
        final List<Sent> sent = new ArrayList<>();
        final AtomicInteger failed = new AtomicInteger();

        Load(int rate, int seconds) {
            this.rate = rate;
            this.seconds = seconds;
        }

        long confirmed() {
            return sent.stream().filter(s -> s.id != null && confirmedAt.containsKey(s.id)).count();
        }

        long finished() {
            return sent.stream().filter(s -> s.id != null && (confirmedAt.containsKey(s.id) || rejectedAt.containsKey(s.id))).count();
        }

        String row() throws Exception {
            Histogram toEvent = new Histogram(3_600_000_000L, 3);
            Histogram toCommit = new Histogram(3_600_000_000L, 3);
            Histogram post = new Histogram(3_600_000_000L, 3);
            Map<String, Instant> stored = confirmedTimes();
            for (Sent s : sent) {
                if (s.answered > 0) {
                    post.recordValue((s.answered - s.due) / 1_000);
                }
                Long at = s.id == null ? null : confirmedAt.get(s.id);
                if (at != null) {
                    toEvent.recordValue((at - s.due) / 1_000);
                }
                Instant c = s.id == null ? null : stored.get(s.id);
                if (c != null) {
                    toCommit.recordValue(Math.max(0, Duration.between(s.dueWall, c).toNanos() / 1_000));
                }
            }
            long rejected = sent.stream().filter(s -> s.id != null && rejectedAt.containsKey(s.id)).count();
            String outcome = String.format("%,d", confirmed()) + (rejected > 0 ? String.format(" (%,d rejected)", rejected) : "")
                    + (failed.get() > 0 ? String.format(" (%,d POSTs failed)", failed.get()) : "")
                    + (sent.size() - finished() - failed.get() > 0 ? String.format(" (%,d not final)", sent.size() - finished() - failed.get()) : "");
            return String.format("| %d orders/s for %d s | %,d | %s | %s | %s | %s | %s | %s / %s / %s | %s / %s / %s |", rate, seconds,
                    sent.size(), outcome, ms(toEvent, 50), ms(toEvent, 95), ms(toEvent, 99), ms(toEvent, 100), ms(toCommit, 50),
                    ms(toCommit, 95), ms(toCommit, 99), ms(post, 50), ms(post, 95), ms(post, 99));
        }

        private Map<String, Instant> confirmedTimes() throws Exception {
            Map<String, Instant> times = new ConcurrentHashMap<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select id::text, confirmed_at from sales_order where id = any(?::uuid[]) and confirmed_at is not null")) {
                ps.setArray(1, c.createArrayOf("text", sent.stream().filter(s -> s.id != null).map(s -> s.id).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        times.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }
                }
            }
            return times;
        }

        @Override
        public String toString() {
            return sent.size() + " sent, " + confirmed() + " confirmed, " + rejectedAt.size() + " rejected in all, " + failed + " failed";
        }
    }

    private static final class Sent {
        final long due;
        final Instant dueWall;
        volatile String id;
        volatile long answered;

        Sent(long due, Instant dueWall) {
            this.due = due;
            this.dueWall = dueWall;
        }
    }

    /** Sends {@code rate} orders a second for {@code seconds}, each when it is due; returns once the last is answered. */
    private Load place(String url, long[] products, List<Long> clientIds, int rate, int seconds, Random rnd) throws Exception {
        Load load = new Load(rate, seconds);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000;
        Instant startWall = Instant.now().plusNanos(start - System.nanoTime());
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * period;
            StringBuilder lines = new StringBuilder();
            int n = 1 + rnd.nextInt(3);
            for (int l = 0; l < n; l++) {
                lines.append(l == 0 ? "" : ",").append("{\"product_id\":").append(products[(l * 67 + rnd.nextInt(PRODUCTS)) % PRODUCTS])
                        .append(",\"quantity\":").append(1 + rnd.nextInt(5)).append('}');
            }
            String body = "{\"client_id\":" + clientIds.get(rnd.nextInt(clientIds.size())) + ",\"lines\":[" + lines + "]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", com.tsh.erp.testing.TestTokens.bearer(com.tsh.erp.testing.TestTokens.admin()))
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            Sent s = new Sent(due, startWall.plusNanos(due - start));
            load.sent.add(s);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                s.answered = System.nanoTime();
                if (e != null || r.statusCode() != 201) {
                    load.failed.incrementAndGet();
                    System.err.println("POST /orders failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                    return null;
                }
                try {
                    s.id = json.readTree(r.body()).get("id").asText();
                } catch (Exception ex) {
                    load.failed.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        return load;
    }

    private void awaitFinal(Load load, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (load.finished() + load.failed.get() < load.sent.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Reads orders.orders from the end as the run goes, noting when each order's confirmation or rejection arrives. */
    private void listen() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "saga-benchmark-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(run.topic("orders.orders")));
            while (listening.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    try {
                        JsonNode e = json.readTree(r.value());
                        String type = e.path("eventType").asText();
                        if ("OrderConfirmed".equals(type)) {
                            confirmedAt.putIfAbsent(r.key(), now);
                        } else if ("OrderRejected".equals(type)) {
                            rejectedAt.putIfAbsent(r.key(), now);
                        }
                    } catch (Exception ignored) {
                        // not an event of ours
                    }
                }
            }
        }
    }

    /** CPU time used so far by each process that takes part, from /proc (Linux). */
    private record Cpu(long[] ticks) {
        static final String HEADER = "test JVM (order-service) | catalog-service | client-service | PostgreSQL | Kafka broker | in all";
        private static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

        static Cpu now() {
            long[] t = new long[5];
            long self = ProcessHandle.current().pid();
            try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path dir : dirs.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
                    try {
                        String cmd = java.nio.file.Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                        long pid = Long.parseLong(dir.getFileName().toString());
                        int slot = pid == self ? 0 : cmd.contains("catalog-service/target/quarkus-app") ? 1
                                : cmd.contains("client-service/target/quarkus-app") ? 2 : cmd.startsWith("postgres") ? 3
                                : cmd.contains("kafka.Kafka") ? 4 : -1;
                        if (slot >= 0) {
                            String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            t[slot] += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                        }
                    } catch (Exception gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Cpu(t);
        }

        /** Milliseconds of CPU per order since this snapshot, per process and in all. */
        String perOrder(int orders) {
            long[] after = now().ticks();
            List<String> cells = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < after.length; i++) {
                double ms = (after[i] - ticks[i]) * MS_PER_TICK / orders;
                sum += ms;
                cells.add(String.format("%.1f ms", ms));
            }
            cells.add(String.format("**%.1f ms** (at most %.0f orders/s)", sum, 2000 / sum));
            return String.join(" | ", cells);
        }
    }

    /** The largest backlogs seen while it runs: consumer lag per group and topic, and the outbox of each service. */
    private final class Backlog implements Runnable {
        static final String HEADER = "catalog-service on orders.orders | client-service on orders.orders | order-service on "
                + "catalog.stock | order-service on clients.credit | outbox of order-service | of catalog-service | of client-service";
        private final String runId;
        private final String[] metrics;
        private final long[] max = new long[7];
        private volatile boolean running = true;

        Backlog(String runId, String catalogUrl, String clientsUrl) {
            this.runId = runId;
            this.metrics = new String[]{base.toString().replaceAll("/$", ""), catalogUrl, clientsUrl};
        }

        void stop() {
            running = false;
        }

        String row() {
            return String.join(" | ", java.util.Arrays.stream(max).mapToObj(v -> String.format("%,d", v)).toList());
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put("bootstrap.servers", run.bootstrap());
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
                while (running) {
                    sample(admin, 0, "catalog-service", "orders.orders");
                    sample(admin, 1, "client-service", "orders.orders");
                    sample(admin, 2, "order-service", "catalog.stock");
                    sample(admin, 3, "order-service", "clients.credit");
                    for (int i = 0; i < 3; i++) {
                        max[4 + i] = Math.max(max[4 + i], outboxBacklog(metrics[i]));
                    }
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sample(org.apache.kafka.clients.admin.Admin admin, int slot, String group, String topic) {
            try {
                String name = runId + "." + topic;
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(name))
                        .forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var e : ends.entrySet()) {
                    var c = committed.get(e.getKey());
                    lag += e.getValue().offset() - (c == null ? 0 : c.offset());
                }
                max[slot] = Math.max(max[slot], lag);
            } catch (Exception e) {
                // the group or topic is not there yet: nothing waits in it
            }
        }

        /** tsh_outbox_backlog from the service's metrics (0 when unreadable). */
        private long outboxBacklog(String serviceUrl) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                for (String line : r.body().split("\n")) {
                    if (line.startsWith("tsh_outbox_backlog")) {
                        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            } catch (Exception e) {
                // not answering within the sample: counted as nothing seen
            }
            return 0;
        }
    }

    private long post(String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", com.tsh.erp.testing.TestTokens.bearer(com.tsh.erp.testing.TestTokens.admin()))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("\n", " "))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), url + ": " + r.body());
        return json.readTree(r.body()).get("id").asLong();
    }

    private static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        long v = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format("%.1f ms", v / 1000.0);
    }
}
