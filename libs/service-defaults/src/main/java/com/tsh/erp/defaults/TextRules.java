package com.tsh.erp.defaults;

/**
 * What text the services accept, in a body field, a query parameter or a path: every character
 * of Unicode except
 * <ul>
 * <li>NUL (U+0000): PostgreSQL cannot store it, and no name or note has one;</li>
 * <li>a lone UTF-16 surrogate (U+D800..U+DFFF without its pair): not a character at all, and it
 * would be stored as {@code ?};</li>
 * <li>the other C0 control characters and DEL (U+0001..U+001F, U+007F) but tab, line feed and
 * carriage return: invisible, never typed on purpose, and they break exports (CSV, PDF) and
 * Zoho's fields. Tab and line breaks stay allowed: notes and descriptions have them.</li>
 * </ul>
 * Everything else stays as sent, including right-to-left marks, zero-width joiners and
 * Arabic-Indic digits, which Arabic text uses; search normalises those on its own.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return String.format("contains the control character U+%04X", (int) c);
            }
        }
        return null;
    }
}
