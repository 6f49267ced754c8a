package com.tsh.erp.clients.service;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rewrites the stored search text of every client and salesperson in the current form of libs/text,
 * for a migration after the form changed (V7_1). Only rows whose text changes are written (their
 * words reach the word table by its triggers).
 */
public final class SearchTextRewrite {

    private SearchTextRewrite() {
    }

    /** Returns how many rows were rewritten. */
    public static int clientsAndSalespeople(Connection c) throws SQLException {
        return rewrite(c, "client") + rewrite(c, "salesperson");
    }

    private static int rewrite(Connection c, String table) throws SQLException {
        return com.tsh.erp.text.SearchTextRewrite.rewrite(c, table, "name, name_ar, phone, email",
                row -> SearchTexts.of(row.getString("name"), row.getString("name_ar"), row.getString("phone"), row.getString("email")));
    }
}
