package com.tsh.erp.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way to run hand-written SQL: named parameters ({@code :id}), rows mapped by column
 * name ({@code row.getLong("id")}), nothing else. Entities stay with Hibernate; a statement goes
 * through here when it is tuned by hand (list and search queries, the ledgers' locks and updates,
 * reservations). It runs on the data source's connection of the current transaction (the same one
 * Hibernate uses), or on a connection of its own outside one. Values are always bound, never
 * written into the SQL; SQL built at run time (optional filters) uses named parameters too.
 *
 * <p>Binding: {@code null} (the server infers the type), a {@code Collection} or array of
 * {@code Long}, {@code Integer} or {@code String} (a PostgreSQL array, for {@code = any(:ids)}),
 * {@code Instant} (timestamptz), enums (their name), and whatever the driver takes.
 * Statements slower than {@code tsh.slow-sql-ms} are logged with their SQL, as Hibernate's are.
 */
@ApplicationScoped
public class Sql {

    /** The end of a paged query; bind it with {@link Params#page}. */
    public static final String PAGE = " limit :limit offset :offset";

    private static final Logger LOG = Logger.getLogger(Sql.class);
    private static final int MAX_CACHED = 2_000;
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    /** Maps the current row; read columns by name. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    @Inject
    Instance<DataSource> dataSources; // resolved on first use: a service without a database never needs one
    @ConfigProperty(name = "tsh.slow-sql-ms", defaultValue = "200")
    long slowMs;

    private volatile DataSource dataSource;

    /** Every row the query returns, mapped. */
    public <T> List<T> list(String sql, Params params, RowMapper<T> mapper) {
        return run(sql, params, ps -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                Row row = new Row(rs);
                while (rs.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        });
    }

    /** The first row the query returns, mapped; empty when there is none. */
    public <T> Optional<T> one(String sql, Params params, RowMapper<T> mapper) {
        return run(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(new Row(rs))) : Optional.empty();
            }
        });
    }

    /** Runs an insert, update or delete without {@code returning}; the number of rows it changed. */
    public int update(String sql, Params params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String sql, Params params, Work<T> work) {
        Parsed parsed = parse(sql);
        long start = System.nanoTime();
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(parsed.jdbcSql())) {
            bind(c, ps, parsed, params);
            return work.run(ps);
        } catch (SQLException e) {
            throw new SqlException(e, parsed.jdbcSql());
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms >= slowMs) {
                LOG.infof("Slow SQL (%d ms): %s", ms, parsed.jdbcSql());
            }
        }
    }

    private DataSource dataSource() {
        DataSource ds = dataSource;
        if (ds == null) {
            ds = dataSources.get();
            dataSource = ds;
        }
        return ds;
    }

    private static void bind(Connection c, PreparedStatement ps, Parsed parsed, Params params) throws SQLException {
        for (int i = 0; i < parsed.names().size(); i++) {
            String name = parsed.names().get(i);
            if (!params.values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name + " in " + parsed.jdbcSql());
            }
            Object v = params.values.get(name);
            int at = i + 1;
            if (v == null) {
                ps.setObject(at, null);
            } else if (v instanceof Collection<?> values) {
                ps.setArray(at, array(c, values.toArray()));
            } else if (v instanceof Object[] values) {
                ps.setArray(at, array(c, values));
            } else if (v instanceof Instant instant) {
                ps.setObject(at, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (v instanceof Enum<?> e) {
                ps.setString(at, e.name());
            } else {
                ps.setObject(at, v);
            }
        }
    }

    private static java.sql.Array array(Connection c, Object[] values) throws SQLException {
        String type = "bigint";
        for (Object v : values) {
            if (v != null) {
                type = v instanceof Long ? "bigint" : v instanceof Integer ? "integer" : v instanceof String ? "text" : null;
                if (type == null) {
                    throw new IllegalArgumentException("no SQL array type for " + v.getClass().getName());
                }
                break;
            }
        }
        return c.createArrayOf(type, values);
    }

    /** The SQL with {@code ?} for each named parameter, and the names in order. */
    record Parsed(String jdbcSql, List<String> names) {
    }

    /**
     * Replaces {@code :name} with {@code ?}, leaving string literals, quoted identifiers,
     * {@code --} comments and {@code ::} casts as they are.
     */
    static Parsed parse(String sql) {
        Parsed cached = PARSED.get(sql);
        if (cached != null) {
            return cached;
        }
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = sql.indexOf(ch, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (ch == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        Parsed parsed = new Parsed(out.toString(), List.copyOf(names));
        if (PARSED.size() < MAX_CACHED) {
            PARSED.put(sql, parsed);
        }
        return parsed;
    }

    /** Named values for a statement; {@code null} values are allowed. */
    public static final class Params {

        final Map<String, Object> values = new LinkedHashMap<>();

        private Params() {
        }

        public static Params none() {
            return new Params();
        }

        public static Params of(String name, Object value) {
            return new Params().and(name, value);
        }

        public Params and(String name, Object value) {
            values.put(name, value);
            return this;
        }

        /**
         * {@code :limit} and {@code :offset} for page {@code page} (from 1) of {@code perPage} rows,
         * for {@link #PAGE}: one row more than a page, which tells {@code Page.of} whether another follows.
         */
        public Params page(int page, int perPage) {
            return and("limit", perPage + 1).and("offset", (long) (page - 1) * perPage);
        }
    }

    /**
     * A WHERE clause from filters that may or may not be given, with their values: a list
     * endpoint's optional query parameters become {@code andIfPresent} lines, each one condition
     * and one named value. {@link #toString()} is the clause ({@code " where a = :a and b = :b"}).
     */
    public static final class Where {

        private final StringBuilder sql = new StringBuilder();
        private final Params params = new Params();

        private Where() {
        }

        /** Starts with no condition (every line optional): {@link #toString()} is empty until one is added. */
        public static Where none() {
            return new Where();
        }

        /** Starts with a condition that always applies, with its value. */
        public static Where of(String condition, String name, Object value) {
            return new Where().and(condition, name, value);
        }

        /** A condition without a value, or whose values were set on {@link #params()}. */
        public Where and(String condition) {
            sql.append(sql.length() == 0 ? " where " : " and ").append(condition);
            return this;
        }

        public Where and(String condition, String name, Object value) {
            params.and(name, value);
            return and(condition);
        }

        /** The condition, only when {@code value} is given (not null). */
        public Where andIfPresent(String condition, String name, Object value) {
            return value == null ? this : and(condition, name, value);
        }

        public Params params() {
            return params;
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }

    /** The current row of a result, read by column name (or alias) only. */
    public static final class Row {

        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        public long getLong(String column) throws SQLException {
            return rs.getLong(column);
        }

        public byte[] getBytes(String column) throws SQLException {
            return rs.getBytes(column);
        }

        /** A nullable bigint. */
        public Long getLongOrNull(String column) throws SQLException {
            return rs.getObject(column, Long.class);
        }

        public int getInt(String column) throws SQLException {
            return rs.getInt(column);
        }

        public boolean getBoolean(String column) throws SQLException {
            return rs.getBoolean(column);
        }

        public String getString(String column) throws SQLException {
            return rs.getString(column);
        }

        public BigDecimal getBigDecimal(String column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        /** A timestamptz, or null. */
        public Instant getInstant(String column) throws SQLException {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }

        public LocalDate getLocalDate(String column) throws SQLException {
            return rs.getObject(column, LocalDate.class);
        }

        /** A {@code text[]}, as an unmodifiable list (empty for SQL null). */
        public List<String> getStrings(String column) throws SQLException {
            java.sql.Array array = rs.getArray(column);
            if (array == null) {
                return List.of();
            }
            try {
                return java.util.Collections.unmodifiableList(java.util.Arrays.asList((String[]) array.getArray()));
            } finally {
                array.free();
            }
        }
    }

    /** A statement failed; carries the driver's SQLState (e.g. 23505 for a unique violation). */
    public static final class SqlException extends RuntimeException {

        private final String sqlState;

        SqlException(SQLException cause, String sql) {
            super("SQL failed: " + cause.getMessage() + " [" + sql + "]", cause);
            this.sqlState = cause.getSQLState();
        }

        public String sqlState() {
            return sqlState;
        }
    }
}
