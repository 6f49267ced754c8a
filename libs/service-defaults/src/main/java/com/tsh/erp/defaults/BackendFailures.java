package com.tsh.erp.defaults;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a failure from below the application means to the client, however deep it is wrapped
 * (Hibernate's flush, the transaction's commit, the {@code Sql} helper):
 * <ul>
 * <li>a unique key taken meanwhile (SQLState 23505): 409 {@code duplicate-<field>}, naming the field. The
 * field is the unique index's name without its table and its {@code _key} suffix, so unique
 * indexes are named {@code <table>_<field>_key} (e.g. {@code product_sku_key} names {@code sku});</li>
 * <li>a reference to a row removed meanwhile (23503): 422 naming the column (index
 * {@code <table>_<column>_fkey});</li>
 * <li>a row changed meanwhile (an optimistic-lock failure): 409 {@code stale-version};</li>
 * <li>the database unreachable, restarting or out of connections, a serialization failure or a
 * deadlock, a refused connection to any server: 503 {@code unavailable} with {@code Retry-After}.
 * Nothing was committed, so the client may send the same request again.</li>
 * </ul>
 * Anything else stays a 500.
 */
final class BackendFailures {

    /** Seconds a client should wait before retrying a request refused for an outage. */
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * SQLStates that mean "try again": the connection classes (08), admin shutdown, crash shutdown
     * and cannot-connect-now (a restart), too many connections, serialization failure, deadlock.
     */
    private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    /** The answer a failure calls for (a 503 also gets {@code Retry-After}). */
    record Verdict(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
    }

    /**
     * A blocking call to a backend that did not answer in time: the Redis client's (Mutiny's await), e.g. when the
     * service is so overloaded that its Redis commands wait out their timeout (seen under a sign-in storm at the gateway).
     */
    private static final Set<String> TIMED_OUT = Set.of("io.smallrye.mutiny.TimeoutException");
    /** Optimistic-lock failures, by name: this library does not depend on JPA or Hibernate. */
    private static final Set<String> STALE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException");

    private BackendFailures() {
    }

    private static boolean isA(Throwable t, Set<String> classNames) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (classNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    static Optional<Verdict> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                Optional<Verdict> verdict = classify(sql);
                if (verdict.isPresent()) {
                    return verdict;
                }
            } else if (isA(t, STALE)) {
                return Optional.of(new Verdict(409, "stale-version", "Conflict",
                        "the record was changed meanwhile; read it again and repeat the change", List.of()));
            } else if (t instanceof ConnectException || isA(t, TIMED_OUT)) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> classify(SQLException e) {
        String state = e.getSQLState();
        if ("23505".equals(state)) {
            String field = field(e, "_key");
            return Optional.of(new Verdict(409, "duplicate-" + field.replace('_', '-'), "Conflict",
                    field + ": already used by another record",
                    List.of(new Problem.FieldError(field, "already used by another record"))));
        }
        if ("23503".equals(state)) {
            String field = field(e, "_fkey");
            return Optional.of(new Verdict(422, "unprocessable", "Unprocessable request",
                    field + ": refers to a record that no longer exists",
                    List.of(new Problem.FieldError(field, "refers to a record that no longer exists"))));
        }
        if (state != null && (state.startsWith("08") || TRANSIENT.contains(state))) {
            return Optional.of(unavailable());
        }
        if (state == null && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
            // Agroal: no connection can be made in time ("Acquisition timeout while waiting for new connection"), or every
            // connection of the pool stayed busy ("Sorry, acquisition timeout!")
            return Optional.of(unavailable());
        }
        return Optional.empty();
    }

    private static Verdict unavailable() {
        return new Verdict(503, "unavailable", "Service unavailable",
                "a server this service needs is not reachable right now; nothing was changed, try again shortly", List.of());
    }

    /** The field a constraint guards: its name without the table's prefix and the suffix; "body" when unknown. */
    static String field(SQLException e, String suffix) {
        if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
            return "body";
        }
        ServerErrorMessage m = p.getServerErrorMessage();
        return field(m.getConstraint(), m.getTable(), suffix);
    }

    static String field(String constraint, String table, String suffix) {
        if (constraint == null) {
            return "body";
        }
        if (constraint.endsWith("_pkey")) {
            return "id";
        }
        String name = constraint;
        if (table != null && name.startsWith(table + "_")) {
            name = name.substring(table.length() + 1);
        }
        if (name.endsWith(suffix)) {
            name = name.substring(0, name.length() - suffix.length());
        }
        return name.isEmpty() ? "body" : name;
    }
}
