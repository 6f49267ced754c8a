package com.tsh.erp.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Failures from below the application, however wrapped, become the answer they call for. */
class BackendFailuresTest {

    @Test
    void aUniqueIndexNamesItsFieldByTheNamingRule() {
        assertEquals("sku", BackendFailures.field("product_sku_key", "product", "_key"));
        assertEquals("zoho_contact_id", BackendFailures.field("client_zoho_contact_id_key", "client", "_key"));
        assertEquals("reference", BackendFailures.field("client_ledger_reference_key", "client_ledger", "_key"));
        assertEquals("category_id", BackendFailures.field("product_category_id_fkey", "product", "_fkey"));
        assertEquals("id", BackendFailures.field("product_pkey", "product", "_key"));
        assertEquals("body", BackendFailures.field(null, "product", "_key"));
    }

    @Test
    void outagesAreA503WhereverTheyAreWrapped() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300", "40001", "40P01"}) {
            var wrapped = new IllegalStateException("flush failed", new RuntimeException(new SQLException("x", state)));
            assertEquals(503, BackendFailures.classify(wrapped).orElseThrow().status(), state);
        }
        assertEquals(503, BackendFailures.classify(new SQLException("Acquisition timeout while waiting for new connection"))
                .orElseThrow().status());
        // Agroal's other wording, when every connection of the pool stays busy (seen as 500s under a sign-in storm)
        assertEquals(503, BackendFailures.classify(new IllegalStateException("SQL failed", new SQLException("Sorry, acquisition timeout!")))
                .orElseThrow().status());
        assertEquals(503, BackendFailures.classify(new RuntimeException(new ConnectException("refused"))).orElseThrow().status());
        assertEquals(503, BackendFailures.classify(new io.smallrye.mutiny.TimeoutException()).orElseThrow().status());
    }

    @Test
    void otherFailuresAreNotClassified() {
        assertTrue(BackendFailures.classify(new SQLException("syntax", "42601")).isEmpty());
        assertTrue(BackendFailures.classify(new NullPointerException()).isEmpty());
    }
}
