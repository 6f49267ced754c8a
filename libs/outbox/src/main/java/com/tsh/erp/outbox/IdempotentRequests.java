package com.tsh.erp.outbox;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The one rule for {@code Idempotency-Key}, for every service:
 * <ul>
 * <li>the same key with the same request (method, path and body) gets the first answer again, the
 * same status and body, and changes nothing;</li>
 * <li>the same key with another request is refused: 422, a problem naming {@code Idempotency-Key};</li>
 * <li>a key is remembered for {@code tsh.outbox.idempotency-key-retention} (24 h), then it is new.</li>
 * </ul>
 * The key is recorded in the request's own transaction, before the work, so concurrent requests
 * with one key wait for the first to commit and then replay its answer (twenty at once make one
 * change). A request that fails (4xx) rolls back and records nothing: a retry is evaluated again.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** An answer as it went over the wire, replayed for a retry. */
    public record Answer(int status, String body) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    OutboxConfig config;

    /**
     * Runs {@code work} once per key and operation, in one transaction with the key's record.
     *
     * @param operation what kind of request the key is for, e.g. {@code stock-adjustment}
     * @param request   the request as sent: method, path and canonical body (compared by SHA-256)
     */
    @Transactional
    public Answer execute(String operation, String key, String request, Supplier<Answer> work) {
        String fingerprint = sha256(request);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement expired = c.prepareStatement(
                    "delete from tsh_idempotency_key where operation = ? and key = ? and expires_at <= now()")) {
                expired.setString(1, operation);
                expired.setString(2, key);
                expired.executeUpdate();
            }
            boolean first;
            try (PreparedStatement claim = c.prepareStatement("""
                    insert into tsh_idempotency_key (operation, key, fingerprint, status, expires_at)
                    values (?, ?, ?, 0, now() + ? * interval '1 second') on conflict do nothing""")) {
                claim.setString(1, operation);
                claim.setString(2, key);
                claim.setString(3, fingerprint);
                claim.setLong(4, config.idempotencyKeyRetention().toSeconds());
                first = claim.executeUpdate() == 1; // a concurrent first waits here until it commits or rolls back
            }
            if (!first) {
                return replay(c, operation, key, fingerprint);
            }
            Answer answer = work.get();
            try (PreparedStatement done = c.prepareStatement(
                    "update tsh_idempotency_key set status = ?, body = ? where operation = ? and key = ?")) {
                done.setInt(1, answer.status());
                done.setString(2, answer.body());
                done.setString(3, operation);
                done.setString(4, key);
                done.executeUpdate();
            }
            return answer;
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key " + operation + "/" + key + " unavailable: " + e.getMessage(), e);
        }
    }

    private static Answer replay(Connection c, String operation, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select fingerprint, status, body from tsh_idempotency_key where operation = ? and key = ?")) {
            ps.setString(1, operation);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) { // the first request rolled back after we waited: this one counts as new next time
                    throw new IllegalStateException("idempotency key " + key + " was released meanwhile; send the request again");
                }
                if (!fingerprint.equals(rs.getString(1))) {
                    throw new ApiException(422, "idempotency-key-reused", "Idempotency key reused",
                            "Idempotency-Key " + key + " was used for another request; use a new key for a new request",
                            List.of(new Problem.FieldError("Idempotency-Key", "already used for another request")));
                }
                return new Answer(rs.getInt(2), rs.getString(3));
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
