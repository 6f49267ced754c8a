package com.tsh.erp.text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For a migration after the form of the search document changed (libs/text alone makes it, so SQL
 * cannot): reads every row of a table, makes its document again and writes the rows whose text
 * changes, in batches of 1,000. The word table follows through its triggers. A service's Java
 * migration names the table, the columns the document is made from, and how.
 */
public final class SearchTextRewrite {

    /** The document of one row, from the columns read. */
    @FunctionalInterface
    public interface Document {
        String of(ResultSet row) throws SQLException;
    }

    private SearchTextRewrite() {
    }

    /**
     * Rewrites {@code table.search_text} where it differs from {@code document}.
     *
     * @param columns the columns {@code document} reads, comma-separated (the table's own; never user input)
     * @return how many rows were rewritten
     */
    public static int rewrite(Connection c, String table, String columns, Document document) throws SQLException {
        int changed = 0;
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("select id, " + columns + ", search_text from " + table + " order by id");
             PreparedStatement write = c.prepareStatement("update " + table + " set search_text = ? where id = ?")) {
            while (rs.next()) {
                String text = document.of(rs);
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
