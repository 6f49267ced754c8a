package com.tsh.erp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HTTP load from wrk (Debian's package; a C load generator, so the client takes little of the
 * CPU the service and its database need): a fixed number of connections, each sending its next
 * request when the last is answered (optionally after a think time), over paths picked at random
 * from a list.
 */
public final class WrkLoad {

    /** Latencies in milliseconds. */
    public record Result(long requests, long errors, double perSecond, double p50, double p95, double p99, double max) {
        public String row(String name) {
            return String.format("| %s | %,d | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", name, requests, perSecond,
                    p50, p95, p99, max);
        }
    }

    private static final String SCRIPT = """
            local paths = {}
            for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
            local think = tonumber(os.getenv("WRK_THINK_MS") or "0")
            local auth = os.getenv("WRK_AUTH")
            if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
            request = function()
              return wrk.format("GET", paths[math.random(#paths)])
            end
            delay = function()
              return think
            end
            done = function(summary, latency, requests)
              local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                  + summary.errors.status + summary.errors.timeout
              io.write(string.format("RESULT %d %d %f %d %d %d %d\\n", summary.requests, errors,
                  summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(95),
                  latency:percentile(99), latency.max))
            end
            """;

    private WrkLoad() {
    }

    public static Result run(String baseUrl, List<String> paths, int connections, Duration duration) throws IOException, InterruptedException {
        return run(baseUrl, paths, connections, duration, Duration.ZERO);
    }

    /**
     * As {@link #run(String, List, int, Duration)}, but each connection waits {@code think} after an
     * answer before its next request, as a person in an app does: a load well below saturation.
     */
    public static Result run(String baseUrl, List<String> paths, int connections, Duration duration, Duration think)
            throws IOException, InterruptedException {
        ensureWrk();
        Path dir = Files.createTempDirectory("wrk-");
        Path script = dir.resolve("paths.lua");
        Path list = dir.resolve("paths.txt");
        Files.writeString(script, SCRIPT);
        Files.write(list, paths, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl).redirectErrorStream(true);
        pb.environment().put("WRK_PATHS", list.toString());
        pb.environment().put("WRK_THINK_MS", String.valueOf(think.toMillis()));
        // every service's route needs the gateway's token: an admin's, signed with the test JVM's key pair, which the
        // service under load trusts (started by the test, DevStackTestResource / ServiceProcess)
        pb.environment().put("WRK_AUTH", com.tsh.erp.testing.TestTokens.bearer(com.tsh.erp.testing.TestTokens.admin()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS);
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                        Long.parseLong(f[4]) / 1000.0, Long.parseLong(f[5]) / 1000.0, Long.parseLong(f[6]) / 1000.0,
                        Long.parseLong(f[7]) / 1000.0);
            }
        }
        throw new IllegalStateException("wrk gave no result:\n" + out);
    }

    private static void ensureWrk() throws IOException, InterruptedException {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0) {
            return;
        }
        Process install = new ProcessBuilder("sh", "-c",
                "[ \"$(id -u)\" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk")
                .redirectErrorStream(true).start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("The benchmarks need wrk: apt-get install wrk");
        }
    }
}
