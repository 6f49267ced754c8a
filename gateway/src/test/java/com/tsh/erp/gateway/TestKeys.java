package com.tsh.erp.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The test JVM's RSA key pair ({@code TestKeyPair}), written as PEM files to a temporary folder (no private key is
 * ever committed), given to the gateway as it is in production: {@code smallrye.jwt.sign.key.location} and
 * {@code mp.jwt.verify.publickey.location}. Also the first admin's name and a random password.
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "admin";

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            // the test JVM's pair (libs/test-support), so that the services a test starts accept what this gateway signs
            KeyPair pair = com.tsh.erp.testing.TestKeyPair.pair();
            dir = Files.createTempDirectory("gateway-test-keys");
            Path privateKey = dir.resolve("jwt.key");
            Path publicKey = dir.resolve("jwt.pub");
            String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
            Files.writeString(privateKey, privatePem);
            String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
            Files.writeString(publicKey, publicPem);
            // Quarkus makes a key pair of its own for dev and test runs that have none configured when the app is built
            // (inline keys, which win over locations): these replace it with the run's pair
            return Map.of("mp.jwt.verify.publickey", publicPem, "smallrye.jwt.sign.key", privatePem,
                    "smallrye.jwt.sign.key.location", "file:" + privateKey,
                    "mp.jwt.verify.publickey.location", "file:" + publicKey,
                    "tsh.gateway.admin-username", ADMIN,
                    "tsh.gateway.admin-password", "pw-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try (var files = dir == null ? java.util.stream.Stream.<Path>empty() : Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
