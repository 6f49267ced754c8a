package com.tsh.erp.gateway.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes: bcrypt (Quarkus's {@link BcryptUtil}, cost 10) of the password's SHA-256 in base64.
 * bcrypt reads at most 72 bytes and a password may have 128 characters (up to 512 bytes of Arabic), so the
 * digest first: every character counts, and the bcrypt input is always 44 ASCII bytes.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int COST = 10;

    /** A hash of a random password: checked against for unknown users, so a sign-in takes as long either way. */
    private final String dummyHash;

    public Passwords() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), COST);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(prehash(password), hash);
    }

    /** The same work as {@link #matches} for a user that does not exist; always false. */
    public boolean matchesNothing(String password) {
        BcryptUtil.matches(prehash(password), dummyHash);
        return false;
    }

    private static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
