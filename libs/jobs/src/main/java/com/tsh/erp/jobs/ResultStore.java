package com.tsh.erp.jobs;

import com.tsh.erp.defaults.ApiException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Result files on local disk, under {@code tsh.jobs.storage-dir}: a file is written as {@code <key>.part} and
 * appears under its key only when complete, so a download never reads half a file.
 *
 * <p>Local disk is right for one replica, the local run and the tests. With several replicas the directory must be
 * shared (a ReadWriteMany volume), or a download may reach a replica that does not have the file: S3-compatible
 * storage is not built yet (README, "Background jobs").
 */
@ApplicationScoped
public class ResultStore {

    @Inject
    JobsConfig config;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "tsh")
    String application;

    private Path root;

    void onStart(@Observes StartupEvent event) throws IOException {
        root();
    }

    Path root() throws IOException {
        if (root == null) {
            Path dir = config.storageDir().map(Path::of)
                    .orElse(Path.of(System.getProperty("java.io.tmpdir"), "tsh-jobs", application));
            Files.createDirectories(dir);
            root = dir.toAbsolutePath().normalize();
        }
        return root;
    }

    /** A stream for a new file under {@code key}; the file is there once the stream is closed. */
    public OutputStream create(String key) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        return new FilterOutputStream(Files.newOutputStream(part)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    super.close();
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        };
    }

    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    /** Deletes the file and any unfinished one of that key; nothing when there is neither. */
    public void delete(String key) throws IOException {
        Path target = path(key);
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".part"));
        Files.deleteIfExists(target);
        try {
            Files.deleteIfExists(target.getParent()); // the job's folder, when it is empty now
        } catch (java.nio.file.DirectoryNotEmptyException ignored) {
            // another file of the job's is still there
        } catch (NoSuchFileException ignored) {
            // gone already
        }
    }

    private Path path(String key) throws IOException {
        Path p = root().resolve(key).normalize();
        if (!p.startsWith(root()) || p.equals(root())) {
            throw ApiException.badRequest("key", "not a result file name: " + key);
        }
        return p;
    }
}
