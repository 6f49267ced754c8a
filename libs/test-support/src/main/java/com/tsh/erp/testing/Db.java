package com.tsh.erp.testing;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Single figures and texts from the test's database, for checking what was (or was not) written. */
public final class Db {

    private volatile DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The running test application's database, looked up on first use, so that a
     * {@code @QuarkusTest} can hold it in a field: {@code private final Db db = new Db();}
     */
    public Db() {
    }

    /** A connection of its own (close it), for a test that holds a transaction open. */
    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    private DataSource dataSource() {
        if (dataSource == null) {
            dataSource = Arc.container().instance(DataSource.class).get();
        }
        return dataSource;
    }

    /** The first column of the first row as a number (0 when there is no row). */
    public long count(String sql, Object... args) {
        String text = text(sql, args);
        return text == null ? 0 : new java.math.BigDecimal(text).longValueExact();
    }

    /** The first column of the first row as text (null when there is no row). */
    public String text(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement (test set-up that the API cannot do, such as ageing a row). */
    public int exec(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
