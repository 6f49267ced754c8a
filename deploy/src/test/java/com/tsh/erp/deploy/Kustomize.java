package com.tsh.erp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with {@code kubectl kustomize} (kustomize v5, built into kubectl 1.27 and later; the
 * machines this project builds on have it) and reads the result as JSON trees, one per object. Renders are kept per
 * folder for the test run.
 */
final class Kustomize {

    static final Path ROOT = projectRoot();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The folders a person applies: the base and every overlay. */
    static List<Path> targets() {
        List<Path> out = new ArrayList<>();
        out.add(K8S.resolve("base"));
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            overlays.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml"))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<JsonNode> render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static List<JsonNode> run(Path dir) {
        try {
            Process p = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + ROOT.relativize(dir) + " failed: " + err);
            }
            List<JsonNode> docs = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(out)) {
                var it = YAML.readValues(parser, JsonNode.class);
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    if (n != null && !n.isNull() && !n.isMissingNode()) {
                        docs.add(n);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl from TSH_KUBECTL or the PATH; a clear failure when it is missing. */
    static String kubectl() {
        String configured = System.getenv("TSH_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "kubectl"))) {
                return Paths.get(dir, "kubectl").toString();
            }
        }
        throw new AssertionError("kubectl (1.27 or newer, for its built-in kustomize v5) is needed to render deploy/k8s; "
                + "install it or set TSH_KUBECTL to its path");
    }

    static String name(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    static ObjectMapper yaml() {
        return YAML;
    }

    private static Path projectRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy"))) {
                return p;
            }
        }
        throw new IllegalStateException("project root not found from " + Paths.get("").toAbsolutePath());
    }
}
