package com.tsh.erp.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Kafka broker of a test's own, on ports of its choosing, that the test can stop and start
 * again over the same data (a broker restart), unlike the shared broker of {@link DevStack}.
 */
public final class StandaloneBroker implements AutoCloseable {

    private final DevStackSettings settings;
    private final Path dir;
    private KafkaBroker broker;

    private StandaloneBroker(DevStackSettings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    public static StandaloneBroker start(int port, int controllerPort) throws IOException, InterruptedException {
        DevStackSettings shared = DevStackSettings.fromEnvironment();
        DevStackSettings own = new DevStackSettings(shared.pgHost(), shared.pgPort(), shared.pgUser(), shared.pgPassword(),
                shared.redisHost(), shared.redisPort(), shared.kafkaHost(), port, controllerPort, shared.kafkaLib(), null);
        StandaloneBroker b = new StandaloneBroker(own, Files.createTempDirectory("tsh-broker-"));
        b.startAgain();
        return b;
    }

    public String bootstrap() {
        return settings.kafkaBootstrap();
    }

    /** Stops the broker process; its data stays. */
    public void stop() {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    /** Starts the broker over the data it had (formatting is skipped for a formatted folder). */
    public void startAgain() throws IOException, InterruptedException {
        if (broker == null) {
            broker = KafkaBroker.start(settings, dir);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
