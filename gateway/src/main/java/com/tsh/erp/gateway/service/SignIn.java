package com.tsh.erp.gateway.service;

import com.tsh.erp.defaults.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Sign-in, refresh and logout: the rules of {@code /api/v1/auth}. */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class);

    @Inject
    Users users;
    @Inject
    Passwords passwords;
    @Inject
    LoginThrottle throttle;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    AccessTokens accessTokens;

    /** One answer for an unknown name, a wrong password and an inactive user: nothing tells which. */
    public static ApiException invalidCredentials() {
        return new ApiException(401, "invalid-credentials", "Unauthorized", "invalid credentials", null);
    }

    static ApiException invalidToken() {
        return new ApiException(401, "invalid-token", "Unauthorized", "the refresh token is invalid, expired or revoked: sign in again", null);
    }

    /**
     * Checks the name and password (a bcrypt check even for an unknown name, so the time tells nothing) and
     * opens a new family of refresh tokens. Locked names and addresses are refused before any check.
     *
     * <p>No database connection is held during the bcrypt check: the user is read by one statement, and only the new
     * refresh token is written in a transaction. Holding one through the check (tens of milliseconds of CPU, far more
     * when many sign in at once) emptied the pool when 500 users signed in within 30 s, and the rest waited out the
     * pool's timeout (BENCHMARKS.md, gateway-load).
     */
    public TokenPair login(String username, String password, String address) {
        throttle.checkOpen(username, address);
        var account = users.byUsername(username);
        boolean ok = account.isPresent() ? passwords.matches(password, account.get().passwordHash()) : passwords.matchesNothing(password);
        if (!ok || !account.get().user().active()) {
            throttle.failed(username, address);
            LOG.infof("failed sign-in for a name from %s", address);
            throw invalidCredentials();
        }
        throttle.succeeded(username);
        UserView user = account.get().user();
        String refresh = QuarkusTransaction.joiningExisting().call(() -> refreshTokens.issue(user.id(), UUID.randomUUID()));
        return new TokenPair(accessTokens.sign(user), refresh, accessTokens.ttlSeconds(), "Bearer");
    }

    /**
     * Rotates: the token is marked used and the next one of its family issued, under the token's row lock. A used
     * token shown again means it was copied: the whole family is revoked (committed, though the answer is 401), so
     * the newest token of the family fails too and both holders must sign in again.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public TokenPair refresh(String token) {
        RefreshTokens.Held held = refreshTokens.lock(token).orElseThrow(SignIn::invalidToken);
        if (held.revokedAt() != null) {
            throw invalidToken();
        }
        if (held.usedAt() != null) {
            int revoked = refreshTokens.revokeFamily(held.familyId());
            LOG.warnf("refresh token of user %d reused after rotation: family %s revoked (%d tokens)", held.userId(), held.familyId(), revoked);
            throw invalidToken();
        }
        if (!held.expiresAt().isAfter(Instant.now())) {
            throw invalidToken();
        }
        var account = users.account(held.userId()).filter(a -> a.user().active()).orElseThrow(SignIn::invalidToken);
        refreshTokens.markUsed(held.id());
        UserView user = account.user();
        return new TokenPair(accessTokens.sign(user), refreshTokens.issue(user.id(), held.familyId()), accessTokens.ttlSeconds(), "Bearer");
    }

    /** Ends the sign-in the token belongs to; an unknown token changes nothing (and says nothing). */
    @Transactional
    public void logout(String token) {
        refreshTokens.lock(token).ifPresent(held -> refreshTokens.revokeFamily(held.familyId()));
    }

    /**
     * The user's own change: the current password must be right (failures count toward the lock like sign-ins);
     * every refresh token of the user is revoked, so every other device must sign in again.
     */
    public void changePassword(long userId, String current, String next, String address, String actor) {
        var account = users.account(userId).filter(a -> a.user().active()).orElseThrow(SignIn::invalidCredentials);
        String username = account.user().username();
        throttle.checkOpen(username, address);
        if (!passwords.matches(current, account.passwordHash())) {
            throttle.failed(username, address);
            throw ApiException.unprocessable("current_password", "is not the current password");
        }
        users.changePassword(userId, next, actor);
    }
}
