package com.tsh.erp.testing;

import com.tsh.erp.devstack.DevStack;
import com.tsh.erp.devstack.DevStackSettings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A sibling service run as the real thing: its packaged application
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}) in a child JVM against {@link DevStack#shared()},
 * for tests and benchmarks that need another service running beside the one under test, and need to
 * stop it, crash it and start it again (a saga while the catalog is down).
 *
 * <pre>{@code
 * try (ServiceProcess catalog = ServiceProcess.of("catalog-service")
 *         .database("tsh_catalog_" + run.id())
 *         .forTestRun(run.id())
 *         .property("tsh.catalog.cache-prefix", "catalog-test-" + run.id())
 *         .start()) {
 *     ... catalog.baseUrl() ...
 *     catalog.kill();   // a crash
 *     catalog.start();  // the same port, database and topics
 * }
 * }</pre>
 *
 * <p>The jar runs with the <em>prod</em> profile, as {@code deploy/local/run.sh} runs it, so nothing of a
 * service's {@code %test.} settings applies: every setting comes from here, as a {@code -D} system
 * property (which also outranks any {@code QUARKUS_*} variable the test JVM's environment passes on).
 * The services' {@code %test} profiles differ from prod in their topic prefix ({@link #forTestRun})
 * and, for catalog-service, in its Redis key prefix {@code tsh.catalog.cache-prefix} (prod: {@code catalog});
 * set that with {@link #property} so that the child neither reads nor invalidates another run's cached
 * category tree. OpenTelemetry needs nothing: libs/service-defaults configures no exporter (a blank
 * endpoint), so the child tries no collector and logs no export failures.
 *
 * <p>The first {@link #start()} picks a free loopback port and every later start reuses it, so a
 * caller keeps one {@link #baseUrl()}. The output of every start goes to one file,
 * {@code target/service-logs/<module>-<timestamp>.log} of the calling module (the working directory
 * of Maven's test JVM). A process still running when the test JVM exits is killed then.
 * Settings take effect at the next start. Not meant for concurrent use from several threads.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a start may take until the service reports ready. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** How long {@link #stop()} waits for a graceful shutdown before it kills. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Small and single-threaded on purpose: a test JVM, the devstack (PostgreSQL, Redis and a Kafka
     * JVM) and up to three services share a 2-core machine. The serial collector adds no parallel GC
     * threads competing for those cores and keeps the footprint small. A benchmark that wants more
     * heap adds {@link #jvmOption} {@code -Xmx1g} (the later {@code -Xmx} wins).
     */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int LOG_TAIL_LINES = 60;
    /** Started children, killed if the test JVM exits without closing them (they would hold ports and connections). */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "service-process-kill"));
    }

    private final String module;
    private final Path jar;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private String database;
    private int port;
    private Path log;
    private Process process;

    private ServiceProcess(String module, Path jar) {
        this.module = module;
        this.jar = jar;
    }

    /**
     * The packaged application of a sibling module, found from the working directory up: the first
     * folder holding {@code <module>/pom.xml} is the checkout's root.
     *
     * @throws IllegalStateException when no such folder is found, or the module has not been packaged
     */
    public static ServiceProcess of(String module) {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(module).resolve("pom.xml"))) {
                Path jar = dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(module + " is not packaged: " + jar + " is missing. Build it first: "
                            + "./mvnw -B -q install -DskipTests (or ./mvnw -B -q package -DskipTests -pl " + module + ")");
                }
                return new ServiceProcess(module, jar);
            }
        }
        throw new IllegalStateException("No folder with " + module + "/pom.xml above " + start);
    }

    /**
     * A database of the process's own, created now (empty, unless one of that name exists already, so
     * name it with the run id) and dropped by {@link #close()}; sets the datasource's URL, user and
     * password from the devstack's settings.
     */
    public ServiceProcess database(String name) {
        DevStack stack = DevStack.shared();
        DevStackSettings s = stack.settings();
        stack.createDatabaseIfMissing(name);
        database = name;
        property("quarkus.datasource.jdbc.url", s.jdbcUrl(name));
        property("quarkus.datasource.username", s.pgUser());
        return property("quarkus.datasource.password", s.pgPassword());
    }

    /** Any configuration property, passed as a {@code -D} system property (it outranks application.properties and the environment). */
    public ServiceProcess property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /**
     * The devstack's Kafka and Redis, and a test run's topics: {@code tsh.outbox.topic-prefix=<runId>.},
     * under which the relay publishes and which the consumers follow, as {@link TestRun} and the
     * services' {@code %test} profiles do. Catalog-service also wants its cache prefix (see the class
     * documentation).
     *
     * <p>It also shortens the consumers' session timeout from Kafka's 45 s to 10 s. After a
     * {@link #kill()} the dead consumers stay in the service's consumer group until their session
     * expires, and the restarted ones get no partitions before that (measured: the group settled 38 s
     * after a restart with the default, 3 s with 10 s), so a saga test would wait that long for its
     * first answer; 10 s still leaves room for a busy 2-core machine. {@link #property} after this
     * overrides it.
     */
    public ServiceProcess forTestRun(String runId) {
        DevStackSettings s = DevStack.shared().settings();
        property("kafka.bootstrap.servers", s.kafkaBootstrap());
        property("quarkus.redis.hosts", s.redisUrl());
        property("kafka.session.timeout.ms", "10000");
        // tokens signed with the test JVM's key pair (TestTokens, or a gateway under test) are the valid ones
        property("mp.jwt.verify.publickey", TestKeyPair.publicPem());
        return property("tsh.outbox.topic-prefix", runId + ".");
    }

    /** A JVM option for the child beside the small defaults (e.g. {@code -Xmx1g} for a benchmark). */
    public ServiceProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /**
     * Starts the service and waits until {@code GET /q/health/ready} answers 200 (its database, if it has
     * one, is reachable and migrated), at most {@link #START_TIMEOUT}. A module without a database or
     * broker (zoho-simulator) needs neither {@link #database} nor {@link #forTestRun}: its readiness has no
     * checks and answers 200 once it listens.
     *
     * @throws IllegalStateException when it is running already, or exits or is not ready in time
     *     (then it is killed, and the message holds the end of its log)
     */
    public ServiceProcess start() {
        if (running()) {
            throw new IllegalStateException(module + " is running already (pid " + process.pid() + ")");
        }
        try {
            if (port == 0) {
                port = freePort();
            } else {
                requireFree(port);
            }
            if (log == null) {
                log = newLogFile();
            }
            long logStart = Files.size(log);
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // a temp folder of its own, as run.sh gives each service (Vert.x keeps its file cache there)
            Path tmp = Files.createDirectories(Paths.get(log.toString().replaceFirst("\\.log$", ".tmp")));
            command.add("-Djava.io.tmpdir=" + tmp);
            command.add("-Dquarkus.http.host=127.0.0.1");
            command.add("-Dquarkus.http.port=" + port);
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(jar.toString());
            Files.writeString(log, "==== " + LocalDateTime.now() + " starting " + module + " on port " + port + ": "
                    + String.join(" ", command) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            long t0 = System.nanoTime();
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LIVE.add(process);
            awaitReady(t0, logStart);
            Files.writeString(log, "==== " + module + " ready after " + (System.nanoTime() - t0) / 1_000_000 + " ms\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + module, e);
        }
    }

    private void awaitReady(long t0, long logStart) throws IOException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = t0 + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                end(true);
                throw failed("exited with " + process.exitValue(), logStart);
            }
            try {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // not up yet: try again
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IllegalStateException("Interrupted while " + module + " was starting", e);
            }
        }
        kill();
        throw failed("was not ready within " + START_TIMEOUT.toSeconds() + " s and was killed", logStart);
    }

    private IllegalStateException failed(String what, long logStart) throws IOException {
        return new IllegalStateException(module + " " + what + " (log " + log + "); its last lines:\n" + tail(logStart));
    }

    /** The last lines this start wrote. */
    private String tail(long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length() - from;
            long skip = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - skip)];
            f.seek(from + skip);
            f.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
        }
    }

    /**
     * A graceful stop: SIGTERM (Quarkus finishes requests and closes its consumers), after
     * {@link #STOP_TIMEOUT} SIGKILL. Returns once the process has ended. It takes a while: catalog-service
     * took 8 to 12 s, its four consumers leaving their group one after another, a rebalance each.
     */
    public void stop() {
        end(false);
    }

    /** A crash: SIGKILL, no shutdown of any kind (uncommitted transactions roll back, the outbox keeps what is pending). */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        try {
            if (forcibly) {
                process.destroyForcibly();
            } else {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
            // the port is free again only once the process is gone
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " (pid " + process.pid() + ") did not end after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            LIVE.remove(process);
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The HTTP port, chosen at the first start (0 before it). */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The file the process writes its output to (null before the first start). */
    public Path log() {
        return log;
    }

    /** Stops the process if it runs, and drops the database {@link #database} made. */
    @Override
    public void close() {
        stop();
        if (database != null) {
            DevStack.shared().dropDatabase(database);
            database = null;
        }
    }

    private Path newLogFile() throws IOException {
        Path dir = Files.createDirectories(Paths.get("target", "service-logs").toAbsolutePath());
        String stamp = LocalDateTime.now().format(STAMP);
        for (int i = 1; ; i++) {
            Path file = dir.resolve(module + "-" + stamp + (i == 1 ? "" : "-" + i) + ".log");
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                // another process of the same module started in the same millisecond
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A restart must find its port free: the health check would otherwise ask whoever holds it. */
    private void requireFree(int port) throws IOException {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
        } catch (BindException taken) {
            throw new IllegalStateException(module + "'s port " + port + " is taken by another process", taken);
        }
    }
}
