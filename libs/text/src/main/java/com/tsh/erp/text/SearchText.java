package com.tsh.erp.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form in which names are stored for search and queries are compared, so that a
 * salesperson finds a product or client however the name was typed:
 * <ul>
 * <li>Arabic: hamza forms of alef (أ إ آ ٱ) become ا, ؤ becomes و and ئ becomes ي; alef maqsura ى
 * becomes ي; taa marbuta ة becomes ه; Persian kaf and yeh become Arabic ك and ي; diacritics
 * (tashkeel, including superscript alef and Quranic marks) and tatweel are removed;</li>
 * <li>Arabic-Indic and Eastern Arabic-Indic digits become 0-9 (so SKUs and phone numbers match);</li>
 * <li>Latin: lower case, accents removed (é → e); presentation forms and full-width letters are
 * folded by NFKC;</li>
 * <li>runs of white space become one space; the ends are trimmed.</li>
 * </ul>
 * The stored form is kept in a column indexed by trigrams (pg_trgm), so a substring of the
 * normal form finds the row.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = !out.isEmpty();
                continue;
            }
            char mapped = map(c);
            if (mapped == 0) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(mapped);
        }
        // NFD split أ into ا + hamza above (U+0654), which map() dropped; recompose the rest
        return Normalizer.normalize(out.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The normalised form, with the LIKE wildcards escaped, for a {@code like '%' || ? || '%' escape '\'} match. */
    public static String likePattern(String query) {
        String n = normalize(query);
        StringBuilder b = new StringBuilder(n.length() + 2);
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The character to keep for {@code c}, or 0 to drop it. */
    private static char map(char c) {
        // Latin combining accents (after NFD) and Arabic marks: dropped
        if (c >= '\u0300' && c <= '\u036F') {
            return 0;
        }
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED') || c == '\u0640') {
            return 0; // tashkeel, hamza above/below, superscript alef, Quranic marks, tatweel
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673' -> '\u0627'; // آ أ إ ٱ → ا
            case '\u0624' -> '\u0648'; // ؤ → و
            case '\u0626', '\u0649', '\u06CC', '\u06D2' -> '\u064A'; // ئ ى ی ے → ي
            case '\u0629' -> '\u0647'; // ة → ه
            case '\u06A9' -> '\u0643'; // ک → ك
            default -> c;
        };
    }
}
