package com.tsh.erp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a benchmark's figures into its own section of BENCHMARKS.md at the project root,
 * replacing the section from the previous run and leaving the others alone.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /**
     * For scripts (deploy/local/footprint.sh): {@code BenchmarkReport <name> <title> <command> <file with the body>},
     * so a section written from a shell has the same heading, date and command as one written by a Java benchmark.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BenchmarkReport <name> <title> <command> <body file>");
            System.exit(2);
        }
        Path file = write(args[0], args[1], args[2], Files.readString(Path.of(args[3]), StandardCharsets.UTF_8));
        System.out.println("written to " + file);
    }

    /** Replaces (or appends) the section {@code name} with a heading, the command that produced it and the body. */
    public static Path write(String name, String title, String command, String body) {
        Path file = projectRoot().resolve("BENCHMARKS.md");
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String section = begin + "\n## " + title + "\n\n"
                + "Measured " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + " on " + Runtime.getRuntime().availableProcessors() + " cores, everything on loopback. Command:\n\n"
                + "```\n" + command + "\n```\n\n" + body.strip() + "\n" + end;
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : "# Benchmarks\n\nEach section is rewritten by the benchmark named in it.\n";
            int b = text.indexOf(begin);
            int e = text.indexOf(end);
            if (b >= 0 && e > b) {
                text = text.substring(0, b) + section + text.substring(e + end.length());
            } else {
                text = text.stripTrailing() + "\n\n" + section + "\n";
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The checkout's root: given by the build (tsh.project.root), or the nearest folder up with the Maven wrapper. */
    static Path projectRoot() {
        String configured = System.getProperty("tsh.project.root");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        return dir;
    }
}
