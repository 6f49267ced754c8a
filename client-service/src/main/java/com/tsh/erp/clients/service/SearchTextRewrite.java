package com.tsh.erp.clients.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
        int changed = 0;
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("select id, name, name_ar, phone, email, search_text from " + table + " order by id");
             PreparedStatement write = c.prepareStatement("update " + table + " set search_text = ? where id = ?")) {
            while (rs.next()) {
                String text = SearchTexts.of(rs.getString("name"), rs.getString("name_ar"), rs.getString("phone"), rs.getString("email"));
                if (!text.equals(rs.getString("search_text"))) {
                    write.setString(1, text);
                    write.setLong(2, rs.getLong("id"));
                    write.addBatch();
                    if (++changed % 1000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return changed;
    }
}
