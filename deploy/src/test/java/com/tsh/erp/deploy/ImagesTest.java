package com.tsh.erp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The container images, when the build made them as tarballs ({@code -Dtsh.images=tar}, which the README's test
 * command passes): one per service, named and tagged as {@code deploy/k8s/base} runs it, non-root, its Java runtime
 * and C libraries inside, and that runtime able to start with nothing but the image's own files (chroot).
 */
class ImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void onlyWhenTheBuildMadeTarballs() {
        Assumptions.assumeTrue("tar".equals(System.getProperty("tsh.images")),
                "images are built and checked with -Dtsh.images=tar (deploy/local/test.sh passes it)");
    }

    static List<String> services() {
        return ManifestsTest.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceHasAnImageAsItsDeploymentNamesIt(String service) throws IOException {
        Path tar = Kustomize.ROOT.resolve(service).resolve("target/jib-image.tar");
        Image image = Image.read(tar);
        Path jar = Kustomize.ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.getLastModifiedTime(tar).compareTo(Files.getLastModifiedTime(jar)) >= 0,
                service + "'s image is older than its last build: this build made none");
        JsonNode container = ManifestsTest.serviceContainer(Kustomize.render(Kustomize.K8S.resolve("base")), service,
                Kustomize.K8S.resolve("base"));
        String wanted = container.path("image").asText();
        assertTrue(image.tags.contains(wanted), service + "'s image is tagged " + image.tags + ", its Deployment runs " + wanted);

        JsonNode config = image.config.path("config");
        assertEquals("185", config.path("User").asText(), service + " runs as uid 185 (the manifests' runAsUser)");
        assertEquals(container.at("/securityContext/runAsUser").asText("185"), config.path("User").asText());
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertEquals("java", entrypoint.get(0), service + "'s entrypoint " + entrypoint);
        assertTrue(entrypoint.containsAll(List.of("-jar", "quarkus-run.jar")), service + "'s entrypoint " + entrypoint);
        assertEquals("/home/jboss", config.path("WorkingDir").asText(), service);
        String path = "";
        for (JsonNode e : config.path("Env")) {
            if (e.asText().startsWith("PATH=")) {
                path = e.asText();
            }
        }
        assertTrue(path.contains("/opt/java/bin"), service + "'s PATH finds java: " + path);
        int port = container.path("ports").get(0).path("containerPort").asInt();
        assertTrue(config.path("ExposedPorts").has(port + "/tcp"),
                service + " exposes " + config.path("ExposedPorts") + ", its Deployment uses port " + port);

        for (String file : List.of("opt/java/bin/java", "opt/java/lib/server/libjvm.so", "lib64/ld-linux-x86-64.so.2",
                "lib/x86_64-linux-gnu/libc.so.6", "opt/java/lib/security/cacerts", "etc/passwd",
                "home/jboss/quarkus-run.jar", "home/jboss/quarkus/quarkus-application.dat")) {
            assertTrue(image.files.contains(file), service + "'s image has no /" + file);
        }
        assertTrue(image.files.stream().anyMatch(f -> f.startsWith("home/jboss/lib/main/com.tsh.erp.")),
                service + "'s image has the project's own libraries");
    }

    /** The base image on its own, as a container runtime would start it: its root is the image's files and
     *  nothing else (chroot), its user 185. Java must start and have the modules the services use. */
    @Test
    void theBaseImageRunsJavaAsUser185WithNothingFromThisMachine(@TempDir Path root) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
        Path tar = Kustomize.ROOT.resolve("deploy/jre-base/target/jre-base.tar");
        Image.extract(tar, root);
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        // what a container runtime gives every container: /proc (the loader finds the runtime's libraries through
        // /proc/self/exe) and /dev (random numbers); the image's own PATH
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()), null);
        try {
            run(List.of("mount", "--bind", "/dev", root.resolve("dev").toString()), null);
            try {
                String path = "/opt/java/bin:/usr/bin:/bin";
                String version = run(List.of("/usr/sbin/chroot", "--userspec=185:185", root.toString(), "java", "-version"), path);
                assertTrue(version.contains("17."), version);
                String modules = run(List.of("/usr/sbin/chroot", "--userspec=185:185", root.toString(), "java", "--list-modules"), path);
                for (String module : List.of("java.sql", "java.naming", "java.management", "jdk.unsupported", "jdk.crypto.ec",
                        "java.desktop", "jdk.localedata")) {
                    assertTrue(modules.contains(module + "@"), "the base runtime lacks " + module);
                }
                // TLS to Zoho: the runtime trusts the public CAs
                String trust = run(List.of("/usr/sbin/chroot", "--userspec=185:185", root.toString(), "keytool", "-list",
                        "-cacerts", "-storepass", "changeit"), path);
                assertTrue(trust.matches("(?s).*contains (\\d{2,}) entries.*"), trust.lines().limit(5).toList().toString());
            } finally {
                run(List.of("umount", root.resolve("dev").toString()), null);
            }
        } finally {
            run(List.of("umount", root.resolve("proc").toString()), null);
        }
    }

    private static String run(List<String> command, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    /** A Docker-format image tarball (manifest.json, the config, gzipped layers), as jib writes it. */
    record Image(Set<String> tags, JsonNode config, Set<String> files) {

        static Image read(Path tar) throws IOException {
            assertTrue(Files.isRegularFile(tar), "no image tarball at " + tar);
            Map<String, byte[]> json = new HashMap<>();
            Set<String> files = new HashSet<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().endsWith(".json")) {
                        json.put(e.getName(), in.readAllBytes());
                    } else if (e.isFile()) {
                        layerFiles(in, f -> files.add(f.getName().replaceFirst("^\\./", "").replaceFirst("^/", "")));
                    }
                }
            }
            JsonNode manifest = JSON.readTree(json.get("manifest.json")).get(0);
            Set<String> tags = new HashSet<>();
            manifest.path("RepoTags").forEach(t -> tags.add(t.asText()));
            return new Image(tags, JSON.readTree(json.get(manifest.path("Config").asText())), files);
        }

        /** Every layer's files written under root, in layer order (later layers win), with their modes. */
        static void extract(Path tar, Path root) throws IOException {
            assertTrue(Files.isRegularFile(tar), "no base image tarball at " + tar);
            Map<String, byte[]> json = new HashMap<>();
            Map<String, Path> layers = new HashMap<>();
            Path dir = Files.createTempDirectory("layers");
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().endsWith(".json")) {
                        json.put(e.getName(), in.readAllBytes());
                    } else if (e.isFile()) {
                        Path layer = dir.resolve("layer" + layers.size());
                        Files.copy(in, layer);
                        layers.put(e.getName(), layer);
                    }
                }
            }
            for (JsonNode name : JSON.readTree(json.get("manifest.json")).get(0).path("Layers")) {
                try (InputStream layer = Files.newInputStream(layers.get(name.asText()))) {
                    writeLayer(layer, root);
                }
            }
        }

        private static void writeLayer(InputStream gz, Path root) throws IOException {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(gz))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    Path target = root.resolve(e.getName().replaceFirst("^/", "")).normalize();
                    assertTrue(target.startsWith(root), "layer entry outside the root: " + e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                        continue;
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setPosixFilePermissions(target, permissions(e.getMode()));
                }
            }
        }

        private static void layerFiles(InputStream gz, java.util.function.Consumer<TarArchiveEntry> each) throws IOException {
            TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(gz));
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                each.accept(e);
            }
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> out = new HashSet<>();
            PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_READ};
            for (int i = 0; i < bits.length; i++) {
                if ((mode & (1 << i)) != 0) {
                    out.add(bits[i]);
                }
            }
            return out;
        }
    }
}
