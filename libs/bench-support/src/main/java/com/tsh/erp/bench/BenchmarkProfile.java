package com.tsh.erp.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service as it runs in production, logging included, but with its log written to a file as
 * a container's stdout would be collected, instead of through the test runner's console pipe.
 */
public class BenchmarkProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.console.enabled", "false",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", "target/benchmark-service.log");
    }
}
