package com.tsh.erp.deploy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the services' base image without a registry or a Docker engine, from what this machine has:
 * <ol>
 * <li>a Java 17 runtime cut by {@code jlink} from the JDK that runs the build (its {@code jmods}; Debian's
 * {@code openjdk-17-jdk-headless} has them) with the modules a Quarkus service uses ({@link #MODULES}), at {@code /opt/java};</li>
 * <li>the C libraries that runtime links against, found with {@code ldd} and copied from this machine (glibc, zlib,
 * libstdc++ and the like), at the paths the dynamic loader looks in, plus {@code libgcc_s} which glibc loads on
 * demand; no shell, no package manager (the "distroless" idea: less to patch, less to exploit);</li>
 * <li>the CA certificates Java trusts (the JDK's own, or Debian's {@code ca-certificates-java} store), so calls to
 * Zoho over TLS verify;</li>
 * <li>{@code /etc/passwd} and {@code /etc/group} naming uid/gid 185 ({@code jboss}, the user Quarkus images run as
 * and the manifests' {@code runAsUser}), {@code /etc/nsswitch.conf}, {@code /home/jboss} (the services' working
 * directory) and {@code /tmp}.</li>
 * </ol>
 * The image runs as 185 with {@code JAVA_HOME=/opt/java} and {@code /opt/java/bin} on the {@code PATH}; it is written
 * as a Docker-format tarball (jib's {@code TarImage}), which {@code quarkus.jib.base-jvm-image=tar://...} reads.
 * Arguments: the output directory (target/) and the image name.
 */
public final class JreBaseImage {

    /** java.se is every standard module (java.desktop for fonts in PDF and XLSX reports, java.sql, java.naming...);
     *  the jdk.* ones: Unsafe for Netty and Hibernate, TLS elliptic curves, the management MXBeans the metrics
     *  read, DNS lookups by JNDI, zip file systems, and locale data for Arabic formatting. */
    static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.crypto.ec", "jdk.management",
            "jdk.naming.dns", "jdk.zipfs", "jdk.localedata", "jdk.net", "jdk.jfr");
    /** Libraries for windows, the splash screen and sound, which a server never opens (Java runs headless without a
     *  display): left out, and with them the X11 and ALSA libraries they would pull in. */
    static final List<String> WINDOWING = List.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so");
    static final String USER = "185";
    static final AbsoluteUnixPath JAVA_HOME = AbsoluteUnixPath.get("/opt/java");
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:(\\S+) => )?(/\\S+|not found)");
    private static final Instant TIME = Instant.ofEpochSecond(1);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: JreBaseImage <output dir> <image name>");
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        String name = args[1];
        Path jdk = Path.of(System.getProperty("java.home"));
        if (!Files.isDirectory(jdk.resolve("jmods"))) {
            throw new IllegalStateException("The JDK at " + jdk + " has no jmods to cut a runtime from: install them"
                    + " (Debian: openjdk-17-jdk-headless has them) or build with a JDK that has them (JAVA_HOME)");
        }
        Path jre = out.resolve("jre-base/jre");
        deleteTree(jre);
        Files.createDirectories(jre.getParent());
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES), "--strip-debug",
                "--no-man-pages", "--no-header-files", "--compress=2", "--output", jre.toString()));
        trustStore(jre);
        for (String lib : WINDOWING) {
            Files.deleteIfExists(jre.resolve("lib").resolve(lib));
        }

        FileEntriesLayer.Builder runtime = FileEntriesLayer.builder().setName("jre");
        try (Stream<Path> files = Files.walk(jre)) {
            for (Path f : files.sorted().toList()) {
                AbsoluteUnixPath target = JAVA_HOME.resolve(jre.relativize(f).toString());
                runtime.addEntry(entry(f, target));
            }
        }
        FileEntriesLayer.Builder libraries = FileEntriesLayer.builder().setName("system-libraries");
        for (Map.Entry<String, Path> lib : nativeLibraries(jre).entrySet()) {
            libraries.addEntry(entry(lib.getValue(), AbsoluteUnixPath.get(lib.getKey())));
        }
        Path etc = out.resolve("jre-base/etc");
        deleteTree(etc);
        Files.createDirectories(etc);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("passwd", "root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:jboss:/home/jboss:/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n");
        files.put("group", "root:x:0:\njboss:x:185:\nnogroup:x:65534:\n");
        files.put("nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n");
        FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system-files");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = etc.resolve(f.getKey());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            system.addEntry(new FileEntry(p, AbsoluteUnixPath.get("/etc/" + f.getKey()),
                    FilePermissions.fromOctalString("644"), TIME, "0:0"));
        }
        Path emptyDir = out.resolve("jre-base/empty");
        Files.createDirectories(emptyDir);
        system.addEntry(new FileEntry(emptyDir, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"),
                TIME, "0:0"));
        system.addEntry(new FileEntry(emptyDir, AbsoluteUnixPath.get("/home/jboss"),
                FilePermissions.fromOctalString("755"), TIME, USER + ":" + USER));

        Path tar = out.resolve("jre-base.tar");
        Files.deleteIfExists(tar);
        JibContainer image = Jib.fromScratch()
                .setFormat(ImageFormat.Docker)
                .addFileEntriesLayer(system.build())
                .addFileEntriesLayer(libraries.build())
                .addFileEntriesLayer(runtime.build())
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME.toString(),
                        "PATH", JAVA_HOME + "/bin:/usr/bin:/bin", "LANG", "C.UTF-8"))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/home/jboss"))
                .containerize(Containerizer.to(TarImage.at(tar).named(ImageReference.parse(name)))
                        .setApplicationLayersCache(out.resolve("jre-base/cache"))
                        .setToolName("tsh-jre-base"));
        System.out.printf("[jre-base] %s (%s), %d MB: %s%n", name, image.getDigest(), Files.size(tar) >> 20, tar);
    }

    /** Every shared library outside the runtime that one of its executables or libraries needs, by the path the
     *  loader finds it at (key) and the file on this machine (value, symbolic links followed). */
    static Map<String, Path> nativeLibraries(Path jre) throws IOException, InterruptedException {
        Map<String, Path> found = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<Path> elves;
        try (Stream<Path> files = Files.walk(jre)) {
            elves = files.filter(Files::isRegularFile).filter(JreBaseImage::isElf).sorted().toList();
        }
        for (Path elf : elves) {
            for (String line : run(List.of("ldd", elf.toString())).split("\n")) {
                Matcher m = LDD_LINE.matcher(line);
                if (!m.find()) {
                    continue;   // linux-vdso.so.1: the kernel's own
                }
                String path = m.group(2);
                if (path.equals("not found")) {
                    // a library the JVM loads before this one (libjvm.so for its own libraries) is found by name at
                    // run time; anything else is a feature of a module the services do not use (e.g. X11 for AWT
                    // windows, which a headless server never opens)
                    if (!existsIn(jre, m.group(1))) {
                        missing.add(jre.relativize(elf) + " -> " + m.group(1));
                    }
                } else if (!Path.of(path).normalize().startsWith(jre)) {
                    found.put(path, Path.of(path).toRealPath());
                }
            }
        }
        // glibc opens libgcc_s on demand (thread cancellation, unwinding); ldd cannot see that
        for (String lib : List.of("/lib/x86_64-linux-gnu/libgcc_s.so.1")) {
            if (Files.exists(Path.of(lib))) {
                found.put(lib, Path.of(lib).toRealPath());
            }
        }
        if (!missing.isEmpty()) {
            System.out.println("[jre-base] not on this machine, so not in the image (headless services do not load"
                    + " them): " + missing);
        }
        return found;
    }

    /** Java must trust the public CAs (Zoho's TLS): Debian's JDK keeps its store outside the JDK
     *  (ca-certificates-java), so jlink may leave none behind; then the machine's store is copied in. */
    static void trustStore(Path jre) throws IOException {
        Path cacerts = jre.resolve("lib/security/cacerts");
        if (Files.isRegularFile(cacerts) && Files.size(cacerts) > 1024) {
            return;
        }
        Path debian = Path.of("/etc/ssl/certs/java/cacerts");
        if (!Files.isRegularFile(debian) || Files.size(debian) <= 1024) {
            throw new IllegalStateException("No CA certificates for the runtime: " + cacerts + " is missing or empty"
                    + " and " + debian + " too (Debian: apt-get install ca-certificates-java)");
        }
        Files.deleteIfExists(cacerts);
        Files.copy(debian, cacerts);
    }

    private static FileEntry entry(Path source, AbsoluteUnixPath target) throws IOException {
        Path real = source.toRealPath();
        boolean executable = Files.isDirectory(real) || Files.isExecutable(real);
        return new FileEntry(real, target, FilePermissions.fromOctalString(executable ? "755" : "644"), TIME, "0:0");
    }

    private static boolean existsIn(Path jre, String name) {
        try (Stream<Path> files = Files.walk(jre)) {
            return files.anyMatch(f -> f.getFileName().toString().equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isElf(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private JreBaseImage() {
    }
}
