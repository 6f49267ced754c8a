package com.tsh.erp.testing;

import com.tsh.erp.devstack.DevStack;
import com.tsh.erp.devstack.DevStackSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Map;

/**
 * For {@code @QuarkusTestResource(DevStackTestResource.class)}: the real servers of
 * {@link DevStack#shared()} and a database of this test run's own, created empty and dropped at
 * the end, so that no test depends on what an earlier run left behind.
 *
 * <p>Init arg {@code database}: the prefix of the run's database name (default {@code tsh_test}).
 * Besides the connection settings it sets {@code tsh.test.run-id}, which tests use to name
 * topics and consumer groups of their own, and the public key of {@link TestKeyPair} as the key
 * access tokens are verified with (inline, so it also replaces the key pair Quarkus makes for tests).
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String prefix = "tsh_test";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = DevStack.shared();
        DevStackSettings s = stack.settings();
        String runId = newRunId();
        database = prefix + "_" + runId;
        stack.createDatabaseIfMissing(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", s.jdbcUrl(database),
                "quarkus.datasource.username", s.pgUser(),
                "quarkus.datasource.password", s.pgPassword(),
                "kafka.bootstrap.servers", s.kafkaBootstrap(),
                "quarkus.redis.hosts", s.redisUrl(),
                "tsh.test.run-id", runId,
                // the test JVM's key pair: tokens TestTokens (or the gateway under test) signs are the valid ones
                "mp.jwt.verify.publickey", TestKeyPair.publicPem());
    }

    @Override
    public void stop() {
        if (database != null) {
            DevStack.shared().dropDatabase(database);
        }
    }

    static String newRunId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder("r");
        for (int i = 0; i < 10; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
