package com.tsh.erp.gateway.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token keys, from smallrye-jwt's own settings and nowhere else (nothing in the repository): the private key
 * ({@code smallrye.jwt.sign.key.location}, a mounted PKCS#8 PEM file, or {@code smallrye.jwt.sign.key}, its text,
 * e.g. from {@code SMALLRYE_JWT_SIGN_KEY}) signs; the public key ({@code mp.jwt.verify.publickey.location} or
 * {@code mp.jwt.verify.publickey}) verifies the gateway's own tokens and is what {@code GET /api/v1/auth/public-key}
 * hands to the services. Without both the gateway does not start.
 */
@Startup
@ApplicationScoped
public class Keys {

    private static final String NONE = "NONE";

    private final String publicKeyPem;

    @jakarta.inject.Inject
    Keys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signKeyLocation,
         @ConfigProperty(name = "smallrye.jwt.sign.key") Optional<String> signKey,
         @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
         @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKeySetting) {
        org.jboss.logging.Logger.getLogger(Keys.class).infof("key settings: sign location %s, inline sign key %s, public key location %s, inline public key %s",
                signKeyLocation.orElse("-"), signKey.map(v -> v.length() + " chars").orElse("-"), publicKeyLocation.orElse("-"),
                publicKeySetting.map(v -> v.substring(0, Math.min(30, v.length()))).orElse("-"));
        // smallrye-jwt's own default for these is the text NONE
        Optional<String> publicKey = publicKeySetting.filter(v -> !NONE.equals(v));
        signKeyLocation = signKeyLocation.filter(v -> !NONE.equals(v));
        signKey = signKey.filter(v -> !NONE.equals(v));
        publicKeyLocation = publicKeyLocation.filter(v -> !NONE.equals(v));
        if (signKeyLocation.isEmpty() && signKey.isEmpty()) {
            throw new IllegalStateException("no signing key: set SMALLRYE_JWT_SIGN_KEY_LOCATION (a PKCS#8 PEM file) or SMALLRYE_JWT_SIGN_KEY");
        }
        if (publicKeyLocation.isPresent()) {
            publicKeyPem = read(publicKeyLocation.get());
        } else if (publicKey.isPresent()) {
            publicKeyPem = publicKey.get();
        } else {
            throw new IllegalStateException("no public key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file) or MP_JWT_VERIFY_PUBLICKEY");
        }
        if (!publicKeyPem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalStateException("the public key is not an X.509 PEM (-----BEGIN PUBLIC KEY-----): "
                    + publicKeyPem.substring(0, Math.min(40, publicKeyPem.length())));
        }
    }

    /** The public key as PEM text, as published for the services. */
    public String publicKeyPem() {
        return publicKeyPem;
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalStateException("no public key at " + location);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the public key at " + location, e);
        }
    }
}
