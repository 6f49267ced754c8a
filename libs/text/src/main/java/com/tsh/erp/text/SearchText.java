package com.tsh.erp.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 * On top of the normal form, {@link #document} makes the words a row is found by (the stored
 * {@code search_text}) and {@link SearchQuery} the words of a query, with the same rules on both
 * sides: the parts of a word written with punctuation ({@code TSH-CHG-0007}: {@code tsh}, {@code chg},
 * {@code 0007}), and an Arabic word without its article or attached prefix ({@link ArabicWords}).
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

    /**
     * What a row is found by, from its searchable fields (a product's SKU, name and Arabic name; a
     * client's names, phone forms and email): every word of their normal form, then the parts of a
     * word written with punctuation, the digits of a code written in several groups, and each Arabic
     * word without its article or attached prefixes. Space-separated, with a space at each end, so
     * that {@code like '% word %'} finds a whole word and {@code like '% word%'} the start of one.
     * Stored in a {@code search_text} column with a trigram (pg_trgm GIN) index.
     */
    public static String document(String... fields) {
        return document(SearchQuery.Analysis.DEFAULT, fields);
    }

    /** {@link #document(String...)} under another analysis (to measure one against the other). */
    public static String document(SearchQuery.Analysis analysis, String... fields) {
        Set<String> words = new LinkedHashSet<>();
        for (String field : fields) {
            for (String token : normalize(field).split(" ")) {
                addForms(token, analysis, words);
            }
        }
        return words.isEmpty() ? " " : " " + String.join(" ", words) + " ";
    }

    private static void addForms(String token, SearchQuery.Analysis analysis, Set<String> words) {
        List<String> parts = parts(token);
        if (parts.isEmpty()) {
            return;
        }
        words.add(token);
        if (parts.size() > 1 || !parts.get(0).equals(token)) {
            words.addAll(parts);
        }
        String digits = digits(token);
        if (digits.length() >= 4 && !parts.contains(digits)) {
            words.add(digits); // a code written in groups (AB-12-34) is also found by its digits (1234)
        }
        for (String part : parts) {
            ArabicWords.addForms(part, analysis, words);
        }
    }

    /** The runs of letters and digits of a word ({@code tsh-chg-0007}: tsh, chg, 0007). */
    static List<String> parts(String token) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= token.length(); i++) {
            boolean in = i < token.length() && Character.isLetterOrDigit(token.charAt(i));
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                parts.add(token.substring(start, i));
                start = -1;
            }
        }
        return parts;
    }

    static String digits(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code text} with the LIKE wildcards and the escape character escaped (backslash, PostgreSQL's default escape). */
    static String escapeLike(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
