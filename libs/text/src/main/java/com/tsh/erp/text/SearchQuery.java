package com.tsh.erp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A search query as {@link TextSearch} asks it: its words in the normal form (the ends of a word
 * without punctuation, an Arabic word without its article or attached prefix), every one of which
 * must match, in any order; the whole query when it could be a code (a SKU, for the code tiers);
 * and, for a query of digits alone (a phone number however written), those digits as one more way
 * to match.
 */
public final class SearchQuery {

    /**
     * How words are read, the same for stored text and queries. {@code pluralSuffixes}: drop a final
     * ات، ون or ين from Arabic words (off: measured in BENCHMARKS.md, "search quality").
     */
    public record Analysis(boolean pluralSuffixes) {
        public static final Analysis DEFAULT = new Analysis(false);
    }

    /** Words shorter than this match only at the start of a word (their trigrams need the word boundary). */
    static final int SHORT = 3;
    /** Words of at least this many letters (and no digits) also match similar words when exact ones find too little. */
    public static final int FUZZY_MIN = 4;
    /**
     * Words of at least this many letters are found with one letter wrong, missing, extra or swapped
     * (so a word typed one letter short, from {@value #FUZZY_MIN} letters, is looked for one letter longer).
     */
    public static final int EDIT_MIN = 5;
    private static final Pattern CODE = Pattern.compile("[a-z0-9._/\\\\-]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-. ]+");

    private final List<String> words;
    private final List<String> typed;
    private final String code;
    private final String digits;

    private SearchQuery(List<String> words, List<String> typed, String code, String digits) {
        this.words = List.copyOf(words);
        this.typed = List.copyOf(typed);
        this.code = code;
        this.digits = digits;
    }

    public static SearchQuery parse(String q) {
        return parse(q, Analysis.DEFAULT);
    }

    public static SearchQuery parse(String q, Analysis analysis) {
        String n = SearchText.normalize(q);
        List<String> words = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (String token : n.split(" ")) {
            String word = trim(token);
            if (word.isEmpty()) {
                continue;
            }
            String asTyped = word;
            if (isLetters(word)) {
                word = ArabicWords.queryForm(word, analysis);
            }
            if (!words.contains(word)) {
                words.add(word);
                typed.add(asTyped);
            }
        }
        String code = !n.contains(" ") && CODE.matcher(n).matches() ? n : null;
        String digits = null;
        String all = SearchText.digits(n);
        if (all.length() >= 4 && PHONE_LIKE.matcher(n).matches()) {
            String joined = all.startsWith("00") ? all.substring(2) : all; // 00 is the international call prefix
            if (words.size() != 1 || !words.get(0).equals(joined)) {
                digits = joined;
            }
        }
        return new SearchQuery(words, typed, code, digits);
    }

    /** The words, each to be found, in the order typed (each once). */
    public List<String> words() {
        return words;
    }

    /** Word {@code i} as typed (normal form, ends trimmed), before its prefix or plural ending came off. */
    public String typed(int i) {
        return typed.get(i);
    }

    /** The normalised query when it is one word of code characters (a SKU or its start), else null. */
    public String code() {
        return code;
    }

    /** For a query of digits alone (and phone punctuation), with at least 4: its digits as one word, else null. */
    public String digits() {
        return digits;
    }

    /** True when nothing is left to look for (blank, or punctuation only). */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The same for every query that finds the same rows in the same order (words in any order): for caches. */
    public String key() {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(null);
        return String.join(" ", sorted) + "|" + (code == null ? "" : code) + "|" + (digits == null ? "" : digits);
    }

    /** Whether word {@code i} also matches similar words: as looked for or as typed, {@link #fuzzy(String)}. */
    boolean fuzzy(int i) {
        return fuzzy(words.get(i)) || fuzzy(typed.get(i));
    }

    /** Whether {@code word} also matches similar words (at least {@value #FUZZY_MIN} letters, nothing else). */
    static boolean fuzzy(String word) {
        return word.length() >= FUZZY_MIN && isLetters(word);
    }

    static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code token} without the punctuation at its ends ({@code "#41,"} → {@code 41}). */
    private static String trim(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }

    @Override
    public String toString() {
        return "SearchQuery" + words + (code == null ? "" : " code=" + code) + (digits == null ? "" : " digits=" + digits);
    }
}
