package com.tsh.erp.text;

import java.util.Set;

/**
 * Arabic words as people type them, in the normal form of {@link SearchText}: the definite article
 * and the common attached prefixes (وال، بال، كال، فال، لل، ال، و، ب) are not part of the word when
 * what remains is still a word (at least {@value #MIN_STEM} letters), so الشاحن, والشاحن and بالشاحن
 * are all شاحن. A query word loses one prefix (the longest that fits); a stored word is kept with
 * every form it has as its prefixes come off one by one (البطاريه, بطاريه, طاريه), so a query with or
 * without the article meets a stored word with or without it. The same rule cuts a few real words
 * (وصله → صله, بطاقه → طاقه); since it cuts them alike on both sides, they still find each other.
 *
 * <p>The light plural step ({@link SearchQuery.Analysis#pluralSuffixes}), when on, also drops a final
 * ات، ون or ين under the same length rule.
 */
final class ArabicWords {

    static final int MIN_STEM = 3;
    /** Longest first: the first that fits is the one taken. */
    private static final String[] PREFIXES = {"وال", "بال", "كال", "فال", "لل", "ال", "و", "ب"};
    private static final String[] SUFFIXES = {"ات", "ون", "ين"};

    private ArabicWords() {
    }

    /** {@code word} without one attached prefix, or null when none comes off. */
    static String withoutPrefix(String word) {
        for (String p : PREFIXES) {
            if (word.startsWith(p) && isStem(word, p.length(), word.length())) {
                return word.substring(p.length());
            }
        }
        return null;
    }

    /** {@code word} without a plural ending, or null when none comes off. */
    static String withoutSuffix(String word) {
        for (String s : SUFFIXES) {
            if (word.endsWith(s) && isStem(word, 0, word.length() - s.length())) {
                return word.substring(0, word.length() - s.length());
            }
        }
        return null;
    }

    /** The form of a query word that is looked for. */
    static String queryForm(String word, SearchQuery.Analysis analysis) {
        String w = word;
        String stem = withoutPrefix(w);
        if (stem != null) {
            w = stem;
        }
        if (analysis.pluralSuffixes()) {
            String singular = withoutSuffix(w);
            if (singular != null) {
                w = singular;
            }
        }
        return w;
    }

    /** Adds the forms a stored word is also found by. */
    static void addForms(String word, SearchQuery.Analysis analysis, Set<String> words) {
        String w = word;
        while (true) {
            if (analysis.pluralSuffixes()) {
                String singular = withoutSuffix(w);
                if (singular != null) {
                    words.add(singular);
                }
            }
            String stem = withoutPrefix(w);
            if (stem == null) {
                return;
            }
            words.add(stem);
            w = stem;
        }
    }

    /** True when {@code word[from, to)} is at least {@link #MIN_STEM} Arabic letters. */
    private static boolean isStem(String word, int from, int to) {
        if (to - from < MIN_STEM) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c) || Character.UnicodeBlock.of(c) != Character.UnicodeBlock.ARABIC) {
                return false;
            }
        }
        return true;
    }
}
