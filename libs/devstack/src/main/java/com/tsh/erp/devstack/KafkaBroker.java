package com.tsh.erp.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, single node acting as broker and controller) run as a child
 * JVM from the jars that this module's build copies out of Maven Central (its target/kafka-broker), on a
 * classpath of their own.
 */
final class KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path logFile;

    private KafkaBroker(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    static KafkaBroker start(DevStackSettings s, Path dir) throws IOException, InterruptedException {
        if (!Files.isDirectory(s.kafkaLib()) || isEmpty(s.kafkaLib())) {
            throw new IllegalStateException("No Kafka broker jars in " + s.kafkaLib()
                    + ": build them with ./mvnw -pl libs/devstack generate-resources (or set TSH_KAFKA_LIB)");
        }
        Files.createDirectories(dir);
        Path data = dir.resolve("kafka-data");
        Path config = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        Path log = dir.resolve("kafka.log");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + s.kafkaHost() + ":" + s.kafkaControllerPort(),
                "listeners=PLAINTEXT://" + s.kafkaHost() + ":" + s.kafkaPort() + ",CONTROLLER://" + s.kafkaHost() + ":" + s.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://" + s.kafkaHost() + ":" + s.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                // three partitions, so that per-key ordering is exercised the way production sees it
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=24",
                "") );
        Files.writeString(log4j, String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + log.toAbsolutePath(),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = INFO",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = WARN",
                ""));

        Files.deleteIfExists(log); // readiness is read from this run's log only
        String classpath = s.kafkaLib().toAbsolutePath() + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) { // a restart keeps its formatted storage
            Process format = new ProcessBuilder(java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                    "-cp", classpath, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                    "-t", clusterId(), "-c", config.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("format.log").toFile())
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed: " + Files.readString(dir.resolve("format.log")));
            }
        }

        Process broker = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Djava.io.tmpdir=" + dir.toAbsolutePath(),
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                "-cp", classpath, "kafka.Kafka", config.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("kafka.out").toFile())
                .start();
        KafkaBroker started = new KafkaBroker(broker, log);
        started.awaitReady(s);
        return started;
    }

    private void awaitReady(DevStackSettings s) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            if (Ports.isOpen(s.kafkaHost(), s.kafkaPort()) && Files.exists(logFile)
                    && Files.readString(logFile, StandardCharsets.UTF_8).contains("Kafka Server started")) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Kafka broker did not start within " + START_TIMEOUT + "; see " + logFile);
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    long pid() {
        return process.pid();
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what StorageTool random-uuid prints). */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

}
