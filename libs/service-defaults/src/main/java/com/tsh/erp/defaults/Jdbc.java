package com.tsh.erp.defaults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binding for the hand-written list queries (filters vary, so the SQL is built; values are always bound). */
public final class Jdbc {

    private Jdbc() {
    }

    /** Binds values in order; a {@code Long[]} becomes a bigint array (for {@code = any(?)}). */
    public static void bind(Connection c, PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Long[] array) {
                ps.setArray(i + 1, c.createArrayOf("bigint", array));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
