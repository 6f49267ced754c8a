package com.tsh.erp.catalog.service;

import com.tsh.erp.text.SearchQuery;
import com.tsh.erp.text.SearchText;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rewrites the stored search text of every product in the current form of libs/text, for a
 * migration after the form changed (V4_1), or in another analysis for measuring one against the
 * other. Only rows whose text changes are written (their words reach the word table by its trigger).
 */
public final class SearchTextRewrite {

    private SearchTextRewrite() {
    }

    /** Returns how many products were rewritten. */
    public static int products(Connection c) throws SQLException {
        return products(c, SearchQuery.Analysis.DEFAULT);
    }

    public static int products(Connection c, SearchQuery.Analysis analysis) throws SQLException {
        return com.tsh.erp.text.SearchTextRewrite.rewrite(c, "product", "sku, name, name_ar",
                row -> SearchText.document(analysis, row.getString("sku"), row.getString("name"), row.getString("name_ar")));
    }

    /** The word table made again from the products' search text alone (words no product has any more go). */
    public static void rebuildWords(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("truncate search_word");
            st.execute("insert into search_word (word) select distinct w from product, search_words(search_text) w");
        }
    }
}
