package com.tsh.erp.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Where the servers live. Every value comes from an environment variable (or the system property
 * of the same name in lower case with dots, e.g. {@code tsh.pg.port}); the defaults are the
 * loopback addresses of a developer machine.
 *
 * <pre>
 * TSH_PG_HOST 127.0.0.1   TSH_PG_PORT 5432   TSH_PG_USER postgres   TSH_PG_PASSWORD (empty)
 * TSH_REDIS_HOST 127.0.0.1   TSH_REDIS_PORT 6379
 * TSH_KAFKA_HOST 127.0.0.1   TSH_KAFKA_PORT 9092   TSH_KAFKA_CONTROLLER_PORT 9093
 * TSH_KAFKA_LIB  folder of the broker jars (default: where this module's build copied them, its target/kafka-broker)
 * TSH_DEVSTACK_DIR  where embedded servers keep their data (default: a fresh temp folder)
 * </pre>
 */
public record DevStackSettings(
        String pgHost, int pgPort, String pgUser, String pgPassword,
        String redisHost, int redisPort,
        String kafkaHost, int kafkaPort, int kafkaControllerPort,
        Path kafkaLib, Path workDir) {

    public static DevStackSettings fromEnvironment() {
        String lib = value("TSH_KAFKA_LIB", null);
        String work = value("TSH_DEVSTACK_DIR", null);
        return new DevStackSettings(
                value("TSH_PG_HOST", "127.0.0.1"),
                Integer.parseInt(value("TSH_PG_PORT", "5432")),
                value("TSH_PG_USER", "postgres"),
                value("TSH_PG_PASSWORD", ""),
                value("TSH_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(value("TSH_REDIS_PORT", "6379")),
                value("TSH_KAFKA_HOST", "127.0.0.1"),
                Integer.parseInt(value("TSH_KAFKA_PORT", "9092")),
                Integer.parseInt(value("TSH_KAFKA_CONTROLLER_PORT", "9093")),
                lib != null ? Paths.get(lib) : builtKafkaLib(),
                work != null ? Paths.get(work) : null);
    }

    public String kafkaBootstrap() {
        return kafkaHost + ":" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String redisUrl() {
        return "redis://" + redisHost + ":" + redisPort;
    }

    static String value(String env, String fallback) {
        String prop = System.getProperty(env.toLowerCase().replace('_', '.'));
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        String fromEnv = System.getenv(env);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    /** The folder this module's build copied the broker jars into, as the build wrote it into kafka-broker.properties. */
    static Path builtKafkaLib() {
        Properties p = new Properties();
        try (InputStream in = DevStackSettings.class.getResourceAsStream("kafka-broker.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.properties is missing from the devstack's classes: build libs/devstack with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Paths.get(p.getProperty("lib"));
    }
}
