package com.tsh.erp.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparison form of an identifier a person types or pastes (a payment's receipt number, a
 * credit note's number): two identifiers are the same when their keys are equal. The key is the
 * text in Unicode compatibility form (NFKC: full-width letters and digits become the plain ones,
 * ligatures split), without invisible format characters (zero-width space and joiners, direction
 * marks, the soft hyphen, the byte-order mark), without surrounding white space, in lower case.
 * Unlike {@link SearchText} it keeps every visible character: {@code R-1} and {@code R1} differ.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The key of {@code text}; null for null. */
    public static String key(String text) {
        if (text == null) {
            return null;
        }
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(compatible.length());
        compatible.codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT)
                .forEach(b::appendCodePoint);
        return b.toString().strip().toLowerCase(Locale.ROOT);
    }
}
