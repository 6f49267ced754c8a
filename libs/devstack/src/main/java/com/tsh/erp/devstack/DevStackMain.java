package com.tsh.erp.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/**
 * {@code DevStackMain [--databases a,b] [--ready-file path]}: makes PostgreSQL, Redis and Kafka
 * available, creates the named databases if they are missing, prints what runs where, writes the
 * ready file (for scripts that wait), and holds until it is stopped (SIGTERM or Ctrl-C), when it
 * ends what it started.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        String databases = "";
        Path readyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--databases" -> databases = args[++i];
                case "--ready-file" -> readyFile = Paths.get(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: DevStackMain [--databases a,b] [--ready-file path]");
            }
        }
        DevStack stack = new DevStack(DevStackSettings.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "devstack-stop"));
        stack.start();
        for (String db : databases.split(",")) {
            if (!db.isBlank()) {
                stack.createDatabaseIfMissing(db.trim());
            }
        }
        System.out.println("TSH devstack: servers on loopback");
        stack.report().forEach(l -> System.out.println("  " + l));
        if (!databases.isBlank()) {
            System.out.println("  databases: " + databases);
        }
        if (readyFile != null) {
            Files.writeString(readyFile, String.join("\n", stack.report()) + "\n");
        }
        System.out.flush();
        stopped.await();
    }
}
