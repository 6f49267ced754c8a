package com.tsh.erp.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The service as it runs in production, logging included, but with its log written to a file as
 * a container's stdout would be collected, instead of through the test runner's console pipe.
 * A benchmark that needs settings of its own extends it: {@code super(Map.of(...))}.
 */
public class BenchmarkProfile implements QuarkusTestProfile {

    private final Map<String, String> overrides = new HashMap<>(Map.of(
            "quarkus.log.console.enabled", "false",
            "quarkus.log.file.enabled", "true",
            "quarkus.log.file.path", "target/benchmark-service.log"));

    public BenchmarkProfile() {
    }

    /** This profile with a benchmark's own settings on top. */
    protected BenchmarkProfile(Map<String, String> more) {
        overrides.putAll(more);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.copyOf(overrides);
    }
}
