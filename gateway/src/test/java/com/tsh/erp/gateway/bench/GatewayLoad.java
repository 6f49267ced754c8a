package com.tsh.erp.gateway.bench;

import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.bench.LocalDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 500-user benchmark of issue 12, against the whole system running locally with the 10x data
 * ({@code deploy/local/gateway-load.sh}, which says how to start it). Everything goes through the gateway with the
 * users' own sign-in: 490 salesperson users (each a generated salesperson of client-service with their clients) and
 * 10 managers, created through {@code /api/v1/users} on the first run (password {@code TSH_LOAD_PASSWORD}, or a fixed
 * one for these local load-test users). A salesperson's share of the stats route goes out with a manager's token.
 *
 * <p><b>Closed model</b>: 500 users, each signing in (spread over the first 2 minutes), then sending the playbook's mix
 * (below) with 1 to 3 s of think time after each answer, for the measured period (3 minutes). <b>Open model</b>: the
 * same mix at a fixed arrival rate (requests started on schedule whether or not earlier ones were answered, latency
 * counted from the scheduled start, so a queue shows), rising step by step; the highest rate whose p99 stays under
 * 200 ms is the figure. Every user sends its own {@code X-Forwarded-For} (people on mobile networks; the gateway
 * trusts it only when started with {@code TSH_GATEWAY_LOGIN_TRUST_FORWARDED_FOR=true}), so the per-address rate limit
 * is counted as in production and never reached; the per-user one neither (a user sends at most a few a minute here).
 *
 * <p>The load generator is this JVM (Vert.x's non-blocking client), on the same 2 cores as the five services,
 * PostgreSQL, Redis and Kafka: its CPU is taken from the system under test, which the figures include.
 */
public final class GatewayLoad {

    static final String COMMAND = "TSH_GATEWAY_LOGIN_TRUST_FORWARDED_FOR=true deploy/local/run.sh --data 10x   # then, in another terminal:\n"
            + "deploy/local/gateway-load.sh";
    static final long FIRST_ID = 1_000_001;
    static final String PASSWORD_ENV = "TSH_LOAD_PASSWORD";
    static final Duration RAMP = Duration.ofSeconds(120);

    /** The playbook's mix: share of requests in percent. */
    enum Kind {
        PRODUCT_PAGE("product list, page of 100", 30), PRODUCT("product detail", 20), ORDER("order creation", 10),
        SEARCH("product search", 15), CLIENTS("client list", 10), HISTORY("order history", 10), CATEGORIES("categories", 3),
        STATS("stats (manager)", 2);

        final String label;
        final int share;

        Kind(String label, int share) {
            this.label = label;
            this.share = share;
        }

        static Kind pick(ThreadLocalRandom r) {
            int x = r.nextInt(100);
            for (Kind k : values()) {
                x -= k.share;
                if (x < 0) {
                    return k;
                }
            }
            throw new IllegalStateException("shares add up to 100");
        }
    }

    /** Words a salesperson types: the generated products' nouns in English and Arabic, some without hamza or article. */
    static final String[] SEARCHES = {"charger", "usb cable", "screen", "phone case", "power bank", "headphones", "speaker",
            "memory card", "car holder", "protector", "mouse", "keyboard", "smart watch", "laptop bag", "hdmi", "adapter",
            "earbuds", "ring light", "tripod", "extension", "شاحن", "كابل", "شاشه", "غطاء", "بطارية", "سماعات", "مكبر صوت",
            "بطاقة ذاكرة", "حامل", "واقي شاشة", "فارة", "لوحة مفاتيح", "ساعه ذكية", "حقيبة", "محول", "اضاءة", "وصلة كهرباء",
            "charger white", "شاحن ابيض", "cable black", "premium", "BENCH-01"};

    record Session(String username, String token, long salespersonId, long[] clients, String address) {
    }

    record Request(Kind kind, HttpMethod method, String path, JsonObject body) {
    }

    /** Latencies (ns) and failures of one kind over one period. */
    static final class Tally {
        private long[] nanos = new long[4096];
        private int n;
        final Map<String, Integer> failures = new TreeMap<>();

        synchronized void ok(long ns) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = ns;
        }

        synchronized void failed(String what, long ns) {
            failures.merge(what, 1, Integer::sum);
            ok(ns);
        }

        synchronized int count() {
            return n;
        }

        synchronized int errors() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The q-quantile in ms (nearest rank). */
        synchronized double ms(double q) {
            if (n == 0) {
                return 0;
            }
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            return s[Math.max(0, (int) Math.ceil(q * n) - 1)] / 1e6;
        }

        static Tally of(List<Tally> parts) {
            Tally all = new Tally();
            for (Tally t : parts) {
                synchronized (t) {
                    for (int i = 0; i < t.n; i++) {
                        all.ok(t.nanos[i]);
                    }
                    t.failures.forEach((k, v) -> all.failures.merge(k, v, Integer::sum));
                }
            }
            return all;
        }

        String row(String name, double seconds) {
            return String.format("| %s | %,d | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |", name, count(), count() / seconds,
                    ms(0.50), ms(0.95), ms(0.99), ms(1.0), errors() == 0 ? "0" : errors() + " (" + failures + ")");
        }
    }

    final String base;
    final Vertx vertx = Vertx.vertx();
    final WebClient web;
    long[] products;
    final List<Session> sellers = new ArrayList<>();
    final List<Session> managers = new ArrayList<>();
    volatile Map<Kind, Tally> tallies;

    GatewayLoad(String base) {
        this.base = base;
        this.web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(1000).setMaxWaitQueueSize(-1)
                .setConnectTimeout(5000).setTryUseCompression(true).setIdleTimeout(0));
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        String catalogDb = "tsh_catalog";
        String clientsDb = "tsh_clients";
        int users = 500;
        Duration measured = Duration.ofMinutes(3);
        int[] rates = {25, 50, 75, 100, 150, 200, 300, 500, 1000};
        Duration step = Duration.ofSeconds(40);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--catalog" -> catalogDb = args[++i];
                case "--clients" -> clientsDb = args[++i];
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--seconds" -> measured = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--step-seconds" -> step = Duration.ofSeconds(Long.parseLong(args[++i]));
                default -> {
                    System.err.println("usage: gateway-load.sh [--url URL] [--catalog DB] [--clients DB] [--users N] [--seconds S] "
                            + "[--rates R1,R2,...] [--step-seconds S]");
                    System.exit(2);
                }
            }
        }
        GatewayLoad load = new GatewayLoad(url);
        try {
            load.run(catalogDb, clientsDb, users, measured, rates, step);
        } finally {
            load.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    void run(String catalogDb, String clientsDb, int users, Duration measured, int[] rates, Duration step) throws Exception {
        String password = System.getenv().getOrDefault(PASSWORD_ENV, "load-test-users-only");
        String admin = signIn("admin", adminPassword(), "10.255.0.1").getString("access_token");
        int managerCount = Math.max(1, users / 50);
        List<long[]> owners = readData(catalogDb, clientsDb, users - managerCount);
        log("%d products with stock to order, %d salespeople with clients", products.length, owners.size());
        List<String[]> accounts = new ArrayList<>(); // username, role, salesperson id or ""
        for (long[] o : owners) {
            accounts.add(new String[] {"load-sp-" + o[0], "SALESPERSON", String.valueOf(o[0])});
        }
        for (int i = 0; i < managerCount; i++) {
            accounts.add(new String[] {"load-manager-" + i, "MANAGER", ""});
        }
        int created = 0;
        for (String[] a : accounts) {
            JsonObject body = new JsonObject().put("username", a[0]).put("password", password).put("roles", new JsonArray().add(a[1]));
            if (!a[2].isEmpty()) {
                body.put("salesperson_id", Long.parseLong(a[2]));
            }
            int status = await(web.postAbs(base + "/api/v1/users").bearerTokenAuthentication(admin)
                    .putHeader("X-Forwarded-For", "10.255.0.1").sendJsonObject(body)).statusCode();
            if (status == 201) {
                created++;
            } else if (status != 409) {
                throw new IllegalStateException("creating user " + a[0] + ": " + status);
            }
        }
        log("%d users (%d created now)", accounts.size(), created);

        // --- closed model: every user signs in, then works with think time
        Tally signIns = new Tally();
        tallies = null; // nothing recorded while users sign in
        Map<String, Double> restingMemory = residentMegabytes();
        Map<String, Double> peakMemory = new TreeMap<>(restingMemory);
        long sampler = vertx.setPeriodic(2000, t -> vertx.executeBlocking(() -> {
            Map<String, Double> now = residentMegabytes();
            synchronized (peakMemory) {
                now.forEach((k, v) -> peakMemory.merge(k, v, Math::max));
            }
            return null;
        }, false));
        long start = System.nanoTime();
        // people open the app over a couple of minutes, not all in one instant: 500 bcrypt checks within 30 s took more
        // CPU than the 2 cores had beside the users already working (BENCHMARKS.md, gateway-load notes)
        Duration ramp = RAMP;
        CountDownLatch signedIn = new CountDownLatch(accounts.size());
        Duration warm = Duration.ofSeconds(30); // everyone working, not measured: the JVMs compile the hot paths
        long end = start + ramp.toNanos() + warm.toNanos() + measured.toNanos();
        for (int i = 0; i < accounts.size(); i++) {
            String[] a = accounts.get(i);
            long[] clients = i < owners.size() ? Arrays.copyOfRange(owners.get(i), 1, owners.get(i).length) : new long[0];
            String address = "10." + (i / 250) + "." + (i % 250) + ".1";
            long delay = Math.max(1, ramp.toMillis() * i / accounts.size());
            vertx.setTimer(delay, t -> {
                long t0 = System.nanoTime();
                web.postAbs(base + "/api/v1/auth/login").putHeader("X-Forwarded-For", address)
                        .sendJsonObject(new JsonObject().put("username", a[0]).put("password", password)).onComplete(ar -> {
                            long ns = System.nanoTime() - t0;
                            if (ar.succeeded() && ar.result().statusCode() == 200) {
                                signIns.ok(ns);
                                Session s = new Session(a[0], ar.result().bodyAsJsonObject().getString("access_token"),
                                        a[2].isEmpty() ? 0 : Long.parseLong(a[2]), clients, address);
                                synchronized (this) {
                                    (s.salespersonId() == 0 ? managers : sellers).add(s);
                                }
                                signedIn.countDown();
                                work(s, end);
                            } else {
                                signIns.failed(ar.succeeded() ? "HTTP " + ar.result().statusCode() : ar.cause().toString(), ns);
                                signedIn.countDown();
                            }
                        });
            });
        }
        if (!signedIn.await(ramp.toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("users still signing in after " + (ramp.toSeconds() + 120) + " s");
        }
        log("%d users signed in (p50 %.0f ms, p99 %.0f ms); warming up, then measuring %d s", signIns.count() - signIns.errors(),
                signIns.ms(0.5), signIns.ms(0.99), measured.toSeconds());
        long settle = start + ramp.toNanos() + warm.toNanos();
        Thread.sleep(Math.max(0, (settle - System.nanoTime()) / 1_000_000));
        Map<Kind, Tally> closed = fresh();
        Map<String, Double> cpu0 = cpuSeconds();
        tallies = closed;
        Thread.sleep(measured.toMillis());
        tallies = null;
        Map<String, Double> cpu1 = cpuSeconds();
        Thread.sleep(4000); // the users' last requests (they stop at the end) come back
        String closedReport = closedReport(closed, signIns, accounts.size(), measured) + cpuReport(cpu0, cpu1, measured);
        log("closed model done");
        System.out.println(closedReport);

        // --- open model: fixed arrival rates, rising
        StringBuilder open = new StringBuilder("| Offered (req/s) | Achieved (req/s) | Requests | p50 | p95 | p99 | Max | Errors |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        int best = 0;
        String stoppedAt = null;
        for (int rate : rates) {
            Map<Kind, Tally> t = fresh();
            double achieved = arrive(rate, step, t);
            Tally all = Tally.of(new ArrayList<>(t.values()));
            open.append(String.format("| %,d | %,.0f | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |%n", rate, achieved, all.count(),
                    all.ms(0.5), all.ms(0.95), all.ms(0.99), all.ms(1.0), all.errors() == 0 ? "0" : all.errors() + " " + all.failures));
            log("open model %d req/s: achieved %.0f, p99 %.1f ms, errors %d", rate, achieved, all.ms(0.99), all.errors());
            if (all.ms(0.99) < 200 && all.errors() == 0) {
                best = rate;
            }
            if (all.ms(0.99) > 2000 || all.errors() > all.count() / 20) {
                stoppedAt = rate + " req/s (p99 over 2 s or more than 5% errors; higher rates not tried)";
                break;
            }
            Thread.sleep(5000); // the queue of this step drains before the next
        }
        String openReport = "Open model: the same mix at fixed arrival rates (requests started on schedule, each by a signed-in user "
                + "picked at random; latency from the scheduled start), " + step.toSeconds() + " s a step after 5 s unmeasured:\n\n" + open
                + "\n- Highest rate with p99 under 200 ms and no errors: **" + (best == 0 ? "none of the rates tried" : best + " req/s")
                + "** (target 1,000 req/s: " + (best >= 1000 ? "met" : "missed") + ")."
                + (stoppedAt == null ? "" : "\n- Stopped at " + stoppedAt + ".") + "\n";
        vertx.cancelTimer(sampler);
        String memoryReport;
        synchronized (peakMemory) {
            memoryReport = memoryReport(restingMemory, peakMemory);
        }
        System.out.println(openReport + memoryReport);
        BenchmarkReport.write("gateway-load", "gateway: 500 users on the 10x data, and the open-model rate (issue 12)", COMMAND,
                closedReport + "\n" + openReport + memoryReport);
    }

    /** One user's loop: a request, its answer, 1 to 3 s of thinking, until {@code end}. */
    void work(Session s, long end) {
        if (System.nanoTime() >= end) {
            return;
        }
        Request r = next(pick());
        Session who = r.kind() == Kind.STATS && s.salespersonId() != 0 ? anyManager() : s;
        long t0 = System.nanoTime();
        send(who, r).onComplete(ar -> {
            record(tallies, r.kind(), ar, System.nanoTime() - t0);
            vertx.setTimer(1000 + ThreadLocalRandom.current().nextInt(2001), t -> work(s, end));
        });
    }

    /**
     * The next request of the mix, for any user: a salesperson's stats share is sent with a manager's token (the stats
     * are not theirs to see); a manager lists every client and order, and orders for a client of some salesperson.
     */
    static Kind pick() {
        return Kind.pick(ThreadLocalRandom.current());
    }

    synchronized Session anyManager() {
        return managers.isEmpty() ? sellers.get(0) : managers.get(ThreadLocalRandom.current().nextInt(managers.size()));
    }

    synchronized Session anySeller() {
        return sellers.get(ThreadLocalRandom.current().nextInt(sellers.size()));
    }

    /** Sends the open model's requests at {@code rate} per second for 5 s unmeasured plus {@code step}; returns the achieved rate. */
    double arrive(int rate, Duration step, Map<Kind, Tally> t) throws InterruptedException {
        long begin = System.nanoTime();
        long measureFrom = begin + Duration.ofSeconds(5).toNanos();
        long stop = measureFrom + step.toNanos();
        AtomicLong sent = new AtomicLong();
        AtomicLong measuredSent = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long periodMs = 5;
        long timer = vertx.setPeriodic(periodMs, id -> {
            long now = System.nanoTime();
            if (now >= stop) {
                done.countDown();
                return;
            }
            long due = (now - begin) * rate / 1_000_000_000L;
            while (sent.get() < due) {
                long n = sent.getAndIncrement();
                long scheduled = begin + n * 1_000_000_000L / rate;
                Kind kind = pick();
                Session who = kind == Kind.STATS ? anyManager() : anySeller();
                Request r = next(kind);
                boolean counted = scheduled >= measureFrom;
                if (counted) {
                    measuredSent.incrementAndGet();
                }
                send(who, r).onComplete(ar -> {
                    if (counted) {
                        record(t, r.kind(), ar, System.nanoTime() - scheduled);
                    }
                });
            }
        });
        done.await();
        vertx.cancelTimer(timer);
        // wait for the step's answers (up to 30 s)
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Tally.of(new ArrayList<>(t.values())).count() < measuredSent.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(200);
        }
        return measuredSent.get() / (double) step.toSeconds();
    }

    Request next(Kind kind) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return switch (kind) {
            case PRODUCT_PAGE -> new Request(kind, HttpMethod.GET, "/api/v1/products?per_page=100&page=" + (1 + r.nextInt(20)), null);
            case PRODUCT -> new Request(kind, HttpMethod.GET, "/api/v1/products/" + products[r.nextInt(products.length)], null);
            case SEARCH -> new Request(kind, HttpMethod.GET, "/api/v1/products?per_page=20&q="
                    + java.net.URLEncoder.encode(SEARCHES[r.nextInt(SEARCHES.length)], java.nio.charset.StandardCharsets.UTF_8), null);
            case CLIENTS -> new Request(kind, HttpMethod.GET, "/api/v1/clients?per_page=50", null);
            case HISTORY -> new Request(kind, HttpMethod.GET, "/api/v1/orders?per_page=20", null);
            case CATEGORIES -> new Request(kind, HttpMethod.GET, "/api/v1/categories", null);
            case STATS -> new Request(kind, HttpMethod.GET, "/api/v1/orders/stats?group_by=day", null);
            case ORDER -> new Request(kind, HttpMethod.POST, "/api/v1/orders", null); // the body needs the user: send() makes it
        };
    }

    Future<HttpResponse<Buffer>> send(Session s, Request r) {
        HttpRequest<Buffer> req = web.requestAbs(r.method(), base + r.path()).bearerTokenAuthentication(s.token())
                .putHeader("X-Forwarded-For", s.address()).putHeader("Accept-Language", "ar");
        if (r.kind() != Kind.ORDER) {
            return req.send();
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        JsonArray lines = new JsonArray();
        int count = 1 + rnd.nextInt(5);
        long first = rnd.nextInt(products.length - count);
        for (int i = 0; i < count; i++) {
            lines.add(new JsonObject().put("product_id", products[(int) first + i]).put("quantity", 1 + rnd.nextInt(3)));
        }
        long[] clients = s.clients().length > 0 ? s.clients() : anySeller().clients();
        long client = clients[rnd.nextInt(clients.length)];
        return req.putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .sendJsonObject(new JsonObject().put("client_id", client).put("lines", lines));
    }

    static void record(Map<Kind, Tally> into, Kind kind, io.vertx.core.AsyncResult<HttpResponse<Buffer>> ar, long ns) {
        if (into == null) {
            return;
        }
        Tally t = into.get(kind);
        if (ar.failed()) {
            t.failed(ar.cause().getClass().getSimpleName(), ns);
        } else if (ar.result().statusCode() >= 400) {
            t.failed("HTTP " + ar.result().statusCode(), ns);
        } else {
            t.ok(ns);
        }
    }

    static Map<Kind, Tally> fresh() {
        Map<Kind, Tally> m = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            m.put(k, new Tally());
        }
        return m;
    }

    String closedReport(Map<Kind, Tally> t, Tally signIns, int users, Duration measured) {
        double seconds = measured.toSeconds();
        StringBuilder b = new StringBuilder();
        b.append(users).append(" users (").append(sellers.size()).append(" salespeople, ").append(managers.size())
                .append(" managers), each signed in with their own password (spread over ").append(RAMP.toSeconds()).append(" s), then the playbook's mix with 1 to 3 s ")
                .append("of think time after each answer; measured for ").append(measured.toSeconds())
                .append(" s after all had signed in and 30 s of warm-up (all working, not measured). The 10x data: 20,000 products, 5,000 clients, 1,000 ")
                .append("salespeople, 200,000 orders (deploy/local/data-10x.sh).\n\n")
                .append("| Route (share of the mix) | Requests | Per second | p50 | p95 | p99 | Max | Errors |\n|---|---|---|---|---|---|---|---|\n");
        for (Kind k : Kind.values()) {
            b.append(t.get(k).row(k.label + " (" + k.share + "%)", seconds)).append('\n');
        }
        Tally all = Tally.of(new ArrayList<>(t.values()));
        b.append(all.row("**all**", seconds)).append('\n');
        b.append(signIns.row("sign-in (once per user, before the measured period)", RAMP.toSeconds())).append('\n');
        b.append(String.format("%n- p95 over all routes: %.1f ms (target under 50 ms: %s); errors: %d (target none: %s).%n", all.ms(0.95),
                all.ms(0.95) < 50 ? "met" : "missed", all.errors(), all.errors() == 0 ? "met" : "missed"));
        List<String> over = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (t.get(k).ms(0.95) >= 50) {
                over.add(String.format("%s %.0f ms", k.label, t.get(k).ms(0.95)));
            }
        }
        b.append("- Routes whose own p95 is 50 ms or more: ").append(over.isEmpty() ? "none" : String.join(", ", over)).append(".\n");
        return b.toString();
    }

    /**
     * CPU seconds used so far by each process of the local system (Linux's /proc): the services by their module, the
     * broker, PostgreSQL (its live backends and server processes), Redis and this JVM. A backend that has ended is no
     * longer counted, so PostgreSQL's figure is a lower bound (the services' pools keep theirs).
     */
    static Map<String, Double> cpuSeconds() {
        return perProcess(false);
    }

    /** Resident memory (VmRSS, MB) of each service's JVM and the broker's, by the same names as {@link #cpuSeconds()}. */
    static Map<String, Double> residentMegabytes() {
        Map<String, Double> out = perProcess(true);
        out.keySet().removeIf(k -> k.equals("PostgreSQL") || k.equals("Redis")); // shared buffers would be counted per backend
        return out;
    }

    private static Map<String, Double> perProcess(boolean resident) {
        Map<String, Double> out = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(d.resolve("cmdline"))).replace('\0', ' ');
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = resident ? Long.parseLong(f[21]) * 4096 / 1048576.0 // rss in 4 KiB pages
                            : (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+)/target/quarkus-app/quarkus-run\\.jar").matcher(cmd);
                    String name = Long.parseLong(d.getFileName().toString()) == self ? "load generator (this JVM)"
                            : m.find() ? m.group(1) : cmd.contains("kafka.Kafka") ? "Kafka broker"
                            : cmd.startsWith("postgres") || cmd.contains("/postgres ") ? "PostgreSQL"
                            : cmd.contains("redis-server") ? "Redis" : null;
                    if (name != null) {
                        out.merge(name, seconds, Double::sum);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    static String cpuReport(Map<String, Double> before, Map<String, Double> after, Duration measured) {
        StringBuilder b = new StringBuilder("\nWhere the 2 cores went during the measured period (CPU seconds per second of the period; 2.0 is "
                + "the whole machine):\n\n| Process | CPU |\n|---|---|\n");
        double total = 0;
        List<Map.Entry<String, Double>> rows = new ArrayList<>();
        for (var e : after.entrySet()) {
            double used = (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / measured.toSeconds();
            if (used > 0) {
                rows.add(Map.entry(e.getKey(), used));
                total += used;
            }
        }
        rows.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        rows.forEach(r -> b.append(String.format("| %s | %.2f |%n", r.getKey(), r.getValue())));
        return b.append(String.format("| all of the above | %.2f |%n", total)).toString();
    }

    static String memoryReport(Map<String, Double> resting, Map<String, Double> peak) {
        StringBuilder b = new StringBuilder("\nMemory of each JVM (resident set, /proc): before the users sign in, and the highest seen "
                + "(sampled every 2 s) through the closed and open runs; target under 300 MB per service:\n\n"
                + "| Process | Before the load | Peak under the load |\n|---|---|---|\n");
        peak.forEach((k, v) -> b.append(String.format("| %s | %s | %.0f MB |%n", k,
                resting.containsKey(k) ? String.format("%.0f MB", resting.get(k)) : "-", v)));
        return b.toString();
    }

    /** Salespeople who own active clients (id, then client ids) and the products with stock, from the services' databases. */
    List<long[]> readData(String catalogDb, String clientsDb, int sellers) throws Exception {
        List<long[]> owners = new ArrayList<>();
        try (Connection c = LocalDatabase.named(clientsDb).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select s.id, array_agg(c.id order by c.id) from salesperson s join client c "
                     + "on c.salesperson_id = s.id and c.active where s.active and s.id >= " + FIRST_ID
                     + " group by s.id order by s.id limit " + sellers)) {
            while (rs.next()) {
                Array a = rs.getArray(2);
                Long[] ids = (Long[]) a.getArray();
                long[] row = new long[ids.length + 1];
                row[0] = rs.getLong(1);
                for (int i = 0; i < ids.length; i++) {
                    row[i + 1] = ids[i];
                }
                owners.add(row);
            }
        }
        try (Connection c = LocalDatabase.named(catalogDb).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from product where active and available >= 100 and id >= " + FIRST_ID + " order by id")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            products = ids.stream().mapToLong(Long::longValue).toArray();
        }
        if (owners.size() < sellers || products.length < 1000) {
            throw new IllegalStateException("the 10x data is not loaded (" + owners.size() + " salespeople with clients, " + products.length
                    + " products with stock): start deploy/local/run.sh --data 10x first");
        }
        return owners;
    }

    JsonObject signIn(String username, String password, String address) throws Exception {
        HttpResponse<Buffer> r = await(web.postAbs(base + "/api/v1/auth/login").putHeader("X-Forwarded-For", address)
                .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in as " + username + ": " + r.statusCode() + " " + r.bodyAsString());
        }
        return r.bodyAsJsonObject();
    }

    static String adminPassword() throws Exception {
        String env = System.getenv("TSH_ADMIN_PASSWORD");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path file = Path.of("target/local-run/gateway-admin-password");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(file))) {
                return Files.readString(p.resolve(file)).strip();
            }
        }
        throw new IllegalStateException("no admin password: set TSH_ADMIN_PASSWORD or run deploy/local/run.sh first");
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static void log(String format, Object... args) {
        System.out.printf("[gateway-load] " + format + "%n", args);
    }
}
