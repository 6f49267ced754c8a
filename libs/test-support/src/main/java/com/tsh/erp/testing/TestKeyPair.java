package com.tsh.erp.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One RSA key pair for a test JVM, made when first used and never written to the repository: the gateway's tests
 * sign with it (as the gateway signs with its private key in production), and every service a test starts
 * verifies with its public key ({@link DevStackTestResource} and {@link ServiceProcess#forTestRun} pass it as
 * {@code mp.jwt.verify.publickey}). {@link TestTokens} signs tokens with it directly.
 */
public final class TestKeyPair {

    public static final String ISSUER = "https://tsh-erp/gateway";

    private static final KeyPair PAIR = generate();

    private TestKeyPair() {
    }

    public static KeyPair pair() {
        return PAIR;
    }

    public static String publicPem() {
        return pem("PUBLIC KEY", PAIR.getPublic().getEncoded());
    }

    public static String privatePem() {
        return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
    }

    /** Another key pair: a token it signs is forged as far as the services are concerned. */
    public static KeyPair other() {
        return generate();
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
