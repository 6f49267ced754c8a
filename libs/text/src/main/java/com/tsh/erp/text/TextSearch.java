package com.tsh.erp.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one search pattern of every service: rows whose stored text ({@link SearchText#document}, in a
 * column with a pg_trgm GIN index) holds every word of a {@link SearchQuery}, in any order, ranked in
 * tiers, each tier a statement of its own in the list's chosen order:
 * <ol>
 * <li>the code (SKU) equal to the query, then codes starting with it (a one-word query of code characters);</li>
 * <li>every word a whole word of the text;</li>
 * <li>every word the start of a word;</li>
 * <li>every word inside a word (words shorter than {@value SearchQuery#SHORT} match only at the start
 * of a word: they have no trigrams of their own);</li>
 * <li>only when the tiers above found fewer than a page: words of at least
 * {@value SearchQuery#FUZZY_MIN} letters also match the similar words of the word table
 * (trigram similarity at least {@link #SIMILARITY}, or, from {@value SearchQuery#EDIT_MIN} letters, one
 * letter wrong, missing, extra or swapped), best corrections first under {@code relevance}.</li>
 * </ol>
 * A query of digits alone also matches its digits as one word (a phone number however written).
 *
 * <p>Every condition is a {@code like} on the text column (or {@code = any}/{@code like any} on the
 * word table), so each statement is answered from the trigram index, or, for a tier with many rows,
 * by walking the index of the chosen order; a tier stops the search once the page is full. This class
 * writes the SQL and its values; the service runs them ({@link Runner}) with its own filters and order.
 */
public final class TextSearch {

    /**
     * The least pg_trgm similarity of a correction to the word typed. Measured on the labelled
     * evaluation (BENCHMARKS.md, "search quality"): the highest threshold with the best recall
     * (0.4 loses plurals typed for singulars, ساعات for ساعه at 0.375; 0.3 finds nothing more).
     * pg_trgm's own threshold for {@code %} (0.3) is what the index lets through, so it must not be
     * set below that.
     */
    public static final double SIMILARITY = 0.35;
    /** At most this many corrections of one word are looked for. */
    static final int CORRECTIONS = 8;

    /** Runs what the search writes, against the service's table, filters and order. */
    public interface Runner<T> {

        /**
         * At most {@code limit} rows, after {@code offset}, that pass the list's filters and
         * {@code condition}, ordered by {@code orderFirst} (when not null) then the list's order.
         */
        List<T> rows(String condition, String orderFirst, Map<String, Object> params, int limit, long offset);

        /** How many rows pass the filters and {@code condition}, counting no further than {@code upTo}. */
        long count(String condition, Map<String, Object> params, long upTo);

        /** The rows of {@code sql} (columns {@code i}, the word's number, and {@code word}). */
        List<Correction> corrections(String sql, Map<String, Object> params);
    }

    /** A word of the word table similar to query word number {@code i}. */
    public record Correction(int i, String word) {
    }

    private final String text;
    private final String code;
    private final String wordTable;
    private final double similarity;

    /**
     * @param text      the stored text column, e.g. {@code p.search_text}
     * @param code      the lower-cased code (SKU) expression, e.g. {@code lower(p.sku)}, or null for none
     * @param wordTable the table of the stored text's words ({@code word} column, trigram index)
     */
    public TextSearch(String text, String code, String wordTable) {
        this(text, code, wordTable, SIMILARITY);
    }

    public TextSearch(String text, String code, String wordTable, double similarity) {
        this.text = text;
        this.code = code;
        this.wordTable = wordTable;
        this.similarity = similarity;
    }

    /**
     * Page {@code page} (from 1) of {@code perPage} rows, and one more when another page follows.
     * {@code relevance}: similar words are ordered by how close they are before the list's order.
     */
    public <T> List<T> page(SearchQuery q, boolean relevance, int page, int perPage, Runner<T> runner) {
        Plan plan = new Plan(q);
        long offset = (long) (page - 1) * perPage;
        Fetch<T> fetch = new Fetch<>(runner, plan.params, offset, perPage + 1);
        String notCode = "";
        if (plan.codeCondition != null) {
            fetch.tier(plan.codeCondition, code + " <> :sq_code, " + code);
            notCode = " and not " + plan.codeCondition;
        }
        fetch.tier(plan.all("w") + notCode, null);
        fetch.tier(plan.all("p") + " and not " + plan.all("w") + notCode, null);
        if (plan.substringTier) {
            fetch.tier(plan.all("s") + " and not " + plan.all("p") + notCode, null);
        }
        long exact = offset - fetch.skip + fetch.rows.size();
        if (fetch.wanted > 0 && exact < perPage && !plan.fuzzy.isEmpty()) {
            Map<Integer, List<String>> corrections = corrections(plan, runner);
            if (!corrections.isEmpty()) {
                fetch.tier(plan.similar(corrections) + " and not " + plan.all("s") + notCode,
                        relevance ? plan.closeness(corrections) : null);
            }
        }
        return fetch.rows;
    }

    /** The statements of each tier run in order until the page is full. */
    private static final class Fetch<T> {
        final Runner<T> runner;
        final Map<String, Object> params;
        final List<T> rows = new ArrayList<>();
        long skip;
        int wanted;

        Fetch(Runner<T> runner, Map<String, Object> params, long skip, int wanted) {
            this.runner = runner;
            this.params = params;
            this.skip = skip;
            this.wanted = wanted;
        }

        void tier(String condition, String orderFirst) {
            if (wanted == 0) {
                return;
            }
            List<T> got = runner.rows(condition, orderFirst, params, wanted, skip);
            if (!got.isEmpty()) {
                rows.addAll(got);
                wanted -= got.size();
                skip = 0;
            } else if (skip > 0) {
                skip -= runner.count(condition, params, skip); // the whole tier lies before the page
            }
        }
    }

    private Map<Integer, List<String>> corrections(Plan plan, Runner<?> runner) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sq_t", similarity);
        for (int i : plan.fuzzy) {
            Set<String> forms = new LinkedHashSet<>(List.of(plan.q.words().get(i), plan.q.typed(i)));
            int f = 0;
            for (String form : forms) {
                if (SearchQuery.fuzzy(form)) {
                    parts.add(lookup(i, i + "_" + f++, form, params));
                }
            }
        }
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (Correction c : runner.corrections(String.join(" union all ", parts), params)) {
            List<String> words = out.computeIfAbsent(c.i(), k -> new ArrayList<>());
            if (!words.contains(c.word())) {
                words.add(c.word());
            }
        }
        return out;
    }

    /** The words of the word table similar to {@code word} (query word {@code i}), one edit away first. */
    private String lookup(int i, String name, String word, Map<String, Object> params) {
        params.put("sq_f" + name, word);
        StringBuilder where = new StringBuilder("(word % :sq_f" + name + " and similarity(word, :sq_f" + name + ") >= :sq_t)");
        String order = "";
        Edits edits = Edits.of(word);
        if (!edits.isEmpty()) {
            List<String> edit = new ArrayList<>();
            if (!edits.exact.isEmpty()) {
                params.put("sq_fx" + name, List.copyOf(edits.exact));
                edit.add("word = any(:sq_fx" + name + ")");
            }
            if (!edits.like.isEmpty()) {
                params.put("sq_fl" + name, List.copyOf(edits.like));
                edit.add("word like any(:sq_fl" + name + ")");
            }
            String any = "(" + String.join(" or ", edit) + ")";
            where.append(" or ").append(any);
            order = any + " desc, "; // one edit away first
        }
        return "select " + i + " as i, word from (select word from " + wordTable + " where (" + where + ") and word <> :sq_f" + name
                + " order by " + order + "similarity(word, :sq_f" + name + ") desc, word limit " + CORRECTIONS + ") c" + name;
    }

    /** The conditions of one query and their values. */
    private final class Plan {
        final SearchQuery q;
        final Map<String, Object> params = new LinkedHashMap<>();
        final List<Integer> fuzzy = new ArrayList<>();
        final String codeCondition;
        final boolean substringTier;

        Plan(SearchQuery q) {
            this.q = q;
            boolean substring = false;
            for (int i = 0; i < q.words().size(); i++) {
                String w = SearchText.escapeLike(q.words().get(i));
                params.put("sq_w" + i, "% " + w + " %");
                params.put("sq_p" + i, "% " + w + "%");
                boolean isShort = q.words().get(i).length() < SearchQuery.SHORT;
                params.put("sq_s" + i, isShort ? "% " + w + "%" : "%" + w + "%");
                substring |= !isShort;
                if (q.fuzzy(i)) {
                    fuzzy.add(i);
                }
            }
            if (q.digits() != null) {
                String d = q.digits();
                params.put("sq_dw", "% " + d + " %");
                params.put("sq_dp", "% " + d + "%");
                params.put("sq_ds", "%" + d + "%");
                substring = true;
            }
            substringTier = substring;
            if (code != null && q.code() != null) {
                params.put("sq_code", q.code());
                if (q.code().length() >= SearchQuery.SHORT) {
                    params.put("sq_code_prefix", SearchText.escapeLike(q.code()) + "%");
                    codeCondition = "(" + code + " like :sq_code_prefix)";
                } else {
                    codeCondition = "(" + code + " = :sq_code)"; // a prefix of one or two characters is most of the codes
                }
            } else {
                codeCondition = null;
            }
        }

        /** Every word at {@code level} (w: whole word, p: start of a word, s: inside a word), or the digits so. */
        String all(String level) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < q.words().size(); i++) {
                each.add(text + " like :sq_" + level + i);
            }
            String words = "(" + String.join(" and ", each) + ")";
            return q.digits() == null ? words : "(" + words + " or " + text + " like :sq_d" + level + ")";
        }

        /** Every word inside a word of the text, or, for a word with corrections, one of them as a whole word. */
        String similar(Map<Integer, List<String>> corrections) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < q.words().size(); i++) {
                List<String> fixes = corrections.get(i);
                if (fixes == null) {
                    each.add(text + " like :sq_s" + i);
                } else {
                    List<String> patterns = new ArrayList<>();
                    for (String fix : fixes) {
                        patterns.add("% " + SearchText.escapeLike(fix) + " %");
                    }
                    params.put("sq_x" + i, patterns);
                    each.add("(" + text + " like :sq_s" + i + " or " + text + " like any(:sq_x" + i + "))");
                }
            }
            return "(" + String.join(" and ", each) + ")";
        }

        /** How far a row is from the query: per word 0 whole, 1 start, 2 inside, 3 and on its corrections in order. */
        String closeness(Map<Integer, List<String>> corrections) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < q.words().size(); i++) {
                StringBuilder c = new StringBuilder("(case when " + text + " like :sq_w" + i + " then 0 when " + text
                        + " like :sq_p" + i + " then 1 when " + text + " like :sq_s" + i + " then 2");
                List<String> fixes = corrections.getOrDefault(i, List.of());
                for (int k = 0; k < fixes.size(); k++) {
                    params.put("sq_x" + i + "_" + k, "% " + SearchText.escapeLike(fixes.get(k)) + " %");
                    c.append(" when ").append(text).append(" like :sq_x").append(i).append('_').append(k).append(" then ").append(3 + k);
                }
                each.add(c.append(" else 3 end)").toString());
            }
            return String.join(" + ", each);
        }
    }

    /**
     * The words one edit from a typed word that are words of at least {@value SearchQuery#EDIT_MIN}
     * letters: the word with one letter more anywhere (from {@value SearchQuery#FUZZY_MIN} letters), and,
     * from {@value SearchQuery#EDIT_MIN} letters, with one letter changed ({@code like} patterns, {@code _}
     * standing for the letter), two neighbours swapped or one letter less (exact words).
     */
    static final class Edits {
        final Set<String> exact = new LinkedHashSet<>();
        final Set<String> like = new LinkedHashSet<>();

        static Edits of(String word) {
            Edits e = new Edits();
            int n = word.length();
            if (n + 1 >= SearchQuery.EDIT_MIN) {
                for (int i = 0; i <= n; i++) {
                    e.like.add(SearchText.escapeLike(word.substring(0, i)) + "_" + SearchText.escapeLike(word.substring(i)));
                }
            }
            if (n >= SearchQuery.EDIT_MIN) {
                for (int i = 0; i < n; i++) {
                    e.exact.add(word.substring(0, i) + word.substring(i + 1));
                    if (i + 1 < n && word.charAt(i) != word.charAt(i + 1)) {
                        e.exact.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
                    }
                    e.like.add(SearchText.escapeLike(word.substring(0, i)) + "_" + SearchText.escapeLike(word.substring(i + 1)));
                }
            }
            e.exact.remove(word);
            return e;
        }

        boolean isEmpty() {
            return exact.isEmpty() && like.isEmpty();
        }
    }
}
