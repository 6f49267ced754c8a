package com.tsh.erp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void caseFullWidthAndInvisibleCharactersDoNotMakeAnotherIdentifier() {
        String key = Identifiers.key("RCPT-001");
        assertEquals(key, Identifiers.key("rcpt-001"));
        assertEquals(key, Identifiers.key("ＲＣＰＴ－００１"));         // full-width letters, hyphen and digits
        assertEquals(key, Identifiers.key("RCPT\u200B-001"));        // zero-width space
        assertEquals(key, Identifiers.key("\u200FRCPT-001\uFEFF "));  // a direction mark, a BOM, a trailing space
        assertEquals(key, Identifiers.key("RCPT-\u00AD001"));        // soft hyphen
    }

    @Test
    void visibleDifferencesStay() {
        assertNotEquals(Identifiers.key("RCPT-001"), Identifiers.key("RCPT001"));
        assertNotEquals(Identifiers.key("RCPT-001"), Identifiers.key("RCPT-0001"));
        assertEquals("إيصال-٥", Identifiers.key("إيصال-٥"));
        assertNull(Identifiers.key(null));
    }
}
