package com.tsh.erp.outbox;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one rule for {@code Idempotency-Key}, for every service:
 * <ul>
 * <li>the same key with the same request (method, path and body) gets the first answer again, the
 * same status and body, and changes nothing;</li>
 * <li>the same key with another request is refused: 422, a problem naming {@code Idempotency-Key};</li>
 * <li>a key is remembered for {@code tsh.outbox.idempotency-key-retention} (24 h), then it is new;</li>
 * <li>a key sent empty or blank is 400 naming it, not taken for "no key" (the REST layer reads an
 * empty header as absent, which would turn a client's broken retry key into a second write).</li>
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

    /** The header's name, as the documents and problems spell it. */
    public static final String HEADER = "Idempotency-Key";

    @Inject
    Sql sql;
    @Inject
    OutboxConfig config;

    @org.jboss.resteasy.reactive.server.ServerRequestFilter(preMatching = true)
    public void refuseAnEmptyKey(jakarta.ws.rs.container.ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER); // no header map is built for the usual request
        if (key != null && (key.isBlank() || key.indexOf(',') >= 0 && request.getHeaders().get(HEADER).stream().anyMatch(String::isBlank))) {
            throw ApiException.badRequest(HEADER, "must not be empty; leave the header out to send no key");
        }
    }

    /**
     * Runs {@code work} once per key and operation, in one transaction with the key's record.
     *
     * @param operation what kind of request the key is for, e.g. {@code stock-adjustment}
     * @param request   the request as sent: method, path and canonical body (compared by SHA-256)
     */
    @Transactional
    public Answer execute(String operation, String key, String request, Supplier<Answer> work) {
        String fingerprint = sha256(request);
        Params params = Params.of("operation", operation).and("key", key).and("fingerprint", fingerprint)
                .and("retentionSeconds", config.idempotencyKeyRetention().toSeconds());
        // One round trip claims the key: a new key is inserted; an expired one is taken over as new;
        // a live one is left as it is (and locked until this transaction ends). A concurrent first
        // request with the key holds its row: this waits until it commits (then: replay) or rolls
        // back (then: this one is the first).
        boolean first = sql.update("""
                insert into tsh_idempotency_key (operation, key, fingerprint, status, body, expires_at)
                values (:operation, :key, :fingerprint, 0, null, now() + :retentionSeconds * interval '1 second')
                on conflict (operation, key) do update
                    set fingerprint = excluded.fingerprint, status = 0, body = null, created_at = now(),
                        expires_at = excluded.expires_at
                    where tsh_idempotency_key.expires_at <= now()""", params) == 1;
        if (!first) {
            return replay(operation, key, fingerprint);
        }
        Answer answer = work.get();
        sql.update("update tsh_idempotency_key set status = :status, body = :body where operation = :operation and key = :key",
                Params.of("status", answer.status()).and("body", answer.body()).and("operation", operation).and("key", key));
        return answer;
    }

    private Answer replay(String operation, String key, String fingerprint) {
        return sql.one("select fingerprint, status, body from tsh_idempotency_key where operation = :operation and key = :key",
                        Params.of("operation", operation).and("key", key), r -> {
                            if (!fingerprint.equals(r.getString("fingerprint"))) {
                                throw new ApiException(422, "idempotency-key-reused", "Idempotency key reused",
                                        "Idempotency-Key " + key + " was used for another request; use a new key for a new request",
                                        List.of(new Problem.FieldError("Idempotency-Key", "already used for another request")));
                            }
                            return new Answer(r.getInt("status"), r.getString("body"));
                        })
                // the row is locked by our claim until we end, so it cannot vanish in between
                .orElseThrow(() -> new IllegalStateException("idempotency key " + key + " vanished while locked"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
