package com.tsh.erp.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The one piece of code that makes PostgreSQL, Redis and Kafka available on loopback, for the
 * local run ({@link DevStackMain}) and for the tests (libs/test-support's {@code DevStackTestResource}).
 *
 * <p>For each server: if something already answers on its port it is used and left alone;
 * otherwise an embedded one is started (PostgreSQL 17 from zonky's binaries, Redis 6.2 from
 * embedded-redis, and a real Kafka broker in KRaft mode from the Maven Central jars). {@link #stop()}
 * ends only what this instance started.
 */
public final class DevStack {

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static DevStack shared;

    private final DevStackSettings settings;
    private final List<String> report = new ArrayList<>();
    private Path workDir;
    private boolean ownWorkDir;
    private EmbeddedPostgres embeddedPostgres;
    private RedisServer embeddedRedis;
    private KafkaBroker kafka;

    public DevStack(DevStackSettings settings) {
        this.settings = settings;
    }

    /** The stack of this JVM: started on first use, stopped (what it started) when the JVM exits. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            DevStack stack = new DevStack(DevStackSettings.fromEnvironment());
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
            shared = stack;
        }
        return shared;
    }

    public synchronized DevStack start() {
        try {
            ownWorkDir = settings.workDir() == null;
            workDir = ownWorkDir ? Files.createTempDirectory("tsh-devstack-") : settings.workDir();
            Files.createDirectories(workDir);
            startUnlessRunning("PostgreSQL", settings.pgHost(), settings.pgPort(), this::startPostgres);
            startUnlessRunning("Redis", settings.redisHost(), settings.redisPort(), this::startRedis);
            startUnlessRunning("Kafka", settings.kafkaHost(), settings.kafkaPort(), this::startKafka);
            return this;
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("Could not start the devstack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while starting the devstack", e);
        }
    }

    /** Starts one server, unless something already answers on its port; either way reports it. */
    private void startUnlessRunning(String what, String host, int port, Starter starter)
            throws IOException, InterruptedException {
        String where = host + ":" + port;
        if (Ports.isOpen(host, port)) {
            report.add(line(what, where, "already running, used as it is"));
            return;
        }
        long t0 = System.nanoTime();
        String started = starter.start();
        report.add(line(what, where, started + " in " + millis(t0) + " ms"));
    }

    /** Starts a server and says what it started. */
    @FunctionalInterface
    private interface Starter {
        String start() throws IOException, InterruptedException;
    }

    private String startPostgres() throws IOException {
        embeddedPostgres = EmbeddedPostgres.builder()
                .setPort(settings.pgPort())
                .setDataDirectory(workDir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", settings.pgHost())
                .start();
        return "started embedded PostgreSQL 17";
    }

    private String startRedis() throws IOException {
        embeddedRedis = RedisServer.newRedisServer()
                .port(settings.redisPort())
                .bind(settings.redisHost())
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        embeddedRedis.start();
        return "started embedded Redis";
    }

    private String startKafka() throws IOException, InterruptedException {
        kafka = KafkaBroker.start(settings, workDir.resolve("kafka"));
        return "started Apache Kafka broker (KRaft, pid " + kafka.pid() + ", log " + workDir.resolve("kafka/kafka.log") + ")";
    }

    /** Stops, in reverse order, only the servers this instance started. */
    public synchronized void stop() {
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (embeddedRedis != null) {
            stopLoggingFailure("Redis", embeddedRedis::stop);
            embeddedRedis = null;
        }
        if (embeddedPostgres != null) {
            stopLoggingFailure("PostgreSQL", embeddedPostgres::close);
            embeddedPostgres = null;
        }
        if (ownWorkDir && workDir != null) {
            deleteRecursively(workDir);
            workDir = null;
        }
    }

    /** Stops an embedded server; a failure is logged, so that the others are stopped still. */
    private static void stopLoggingFailure(String what, Stopper stopper) {
        try {
            stopper.stop();
        } catch (IOException e) {
            LOG.warn("Stopping embedded {} failed: {}", what, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Stopper {
        void stop() throws IOException;
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    public DevStackSettings settings() {
        return settings;
    }

    /** One line a server: what it is, where, and whether this process started it. */
    public List<String> report() {
        return List.copyOf(report);
    }

    public void createDatabaseIfMissing(String name) {
        requireName(name);
        try (Connection c = admin();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                // UTF-8 character classes, so that pg_trgm indexes Arabic words as it does Latin ones
                st.execute("create database " + name + " template template0 encoding 'UTF8'"
                        + " lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'");
            } catch (SQLException noSuchLocale) {
                if ("42P04".equals(noSuchLocale.getSQLState())) {
                    throw noSuchLocale;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("create database " + name + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another process
                throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    public void dropDatabase(String name) {
        requireName(name);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            LOG.warn("Could not drop database {}: {}", name, e.getMessage());
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.pgUser(), settings.pgPassword());
    }

    private static void requireName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    private static String line(String what, String where, String how) {
        return String.format("%-11s %-16s %s", what, where, how);
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
