package com.tsh.erp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tiers and the paging of the search, against rows in memory: each statement's condition is
 * evaluated here the way PostgreSQL's LIKE would, so the order of tiers, the fallback and the
 * offsets are checked without a database (the services' tests run the same against PostgreSQL).
 */
class TextSearchTest {

    /** A row: its code and its stored text. */
    record Row(String code, String text) {
    }

    /** Runs conditions over rows in memory; understands exactly what TextSearch writes. */
    static final class Memory implements TextSearch.Runner<Row> {
        final List<Row> rows = new ArrayList<>();
        final List<String> words;
        final List<String> statements = new ArrayList<>();

        Memory(List<Row> rows, List<String> words) {
            this.rows.addAll(rows);
            this.words = words;
        }

        @Override
        public List<Row> rows(String condition, String orderFirst, Map<String, Object> params, int limit, long offset) {
            statements.add(condition);
            return rows.stream().filter(r -> eval(condition, params, r)).skip(offset).limit(limit).toList();
        }

        @Override
        public long count(String condition, Map<String, Object> params, long upTo) {
            statements.add("count " + condition);
            return Math.min(upTo, rows.stream().filter(r -> eval(condition, params, r)).count());
        }

        @Override
        public List<TextSearch.Correction> corrections(String sql, Map<String, Object> params) {
            statements.add("corrections");
            List<TextSearch.Correction> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : params.entrySet()) {
                String key = e.getKey();
                if (key.startsWith("sq_f") && !key.startsWith("sq_fx") && !key.startsWith("sq_fl")) {
                    String name = key.substring(4);
                    int i = Integer.parseInt(name.substring(0, name.indexOf('_')));
                    @SuppressWarnings("unchecked") List<String> exact = (List<String>) params.getOrDefault("sq_fx" + name, List.of());
                    @SuppressWarnings("unchecked") List<String> like = (List<String>) params.getOrDefault("sq_fl" + name, List.of());
                    for (String w : words) { // (the similarity half of the lookup is PostgreSQL's; the services' tests run it)
                        if (!w.equals(e.getValue()) && (exact.contains(w) || like.stream().anyMatch(p -> like(w, p)))) {
                            out.add(new TextSearch.Correction(i, w));
                        }
                    }
                }
            }
            return out;
        }

        private static final Pattern ATOM = Pattern.compile("(p\\.text|p\\.code) (like|=) (any\\()?:(\\w+)\\)?");

        /** Evaluates and/or/not over "col like :p", "col like any(:p)", "col = :p"; parentheses nest. */
        static boolean eval(String condition, Map<String, Object> params, Row r) {
            Function<String, Boolean> atom = a -> {
                Matcher m = ATOM.matcher(a.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("not understood: " + a);
                }
                String value = m.group(1).equals("p.text") ? r.text() : r.code();
                Object p = params.get(m.group(4));
                if (m.group(2).equals("=")) {
                    return value.equals(p);
                }
                if (p instanceof List<?> list) {
                    return list.stream().anyMatch(x -> like(value, (String) x));
                }
                return like(value, (String) p);
            };
            return new Parser(condition, atom).expr();
        }

        static boolean like(String value, String pattern) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '%') {
                    re.append(".*");
                } else if (c == '_') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return value.matches("(?s)" + re);
        }
    }

    /** A tiny recursive-descent parser for the conditions. */
    static final class Parser {
        final String s;
        final Function<String, Boolean> atom;
        int at;

        Parser(String s, Function<String, Boolean> atom) {
            this.s = s;
            this.atom = atom;
        }

        boolean expr() {
            boolean v = term();
            while (peek(" or ")) {
                at += 4;
                v |= term();
            }
            return v;
        }

        boolean term() {
            boolean v = factor();
            while (peek(" and ")) {
                at += 5;
                v &= factor();
            }
            return v;
        }

        boolean factor() {
            while (s.charAt(at) == ' ') {
                at++;
            }
            if (s.startsWith("not ", at)) {
                at += 4;
                return !factor();
            }
            if (s.charAt(at) == '(') {
                at++;
                boolean v = expr();
                at++; // ')'
                return v;
            }
            int end = at;
            int depth = 0;
            while (end < s.length() && !(depth == 0 && (s.startsWith(" and ", end) || s.startsWith(" or ", end) || s.charAt(end) == ')'))) {
                depth += s.charAt(end) == '(' ? 1 : 0;
                if (s.charAt(end) == ')') {
                    depth--;
                }
                end++;
            }
            String a = s.substring(at, end);
            at = end;
            return atom.apply(a);
        }

        boolean peek(String t) {
            return s.startsWith(t, at);
        }
    }

    private static final TextSearch SEARCH = new TextSearch("p.text", "p.code", "words");

    private static Row row(String code, String... fields) {
        String[] all = new String[fields.length + 1];
        all[0] = code;
        System.arraycopy(fields, 0, all, 1, fields.length);
        return new Row(code.toLowerCase(), SearchText.document(all));
    }

    private static List<String> codes(List<Row> rows) {
        return rows.stream().map(Row::code).toList();
    }

    private static List<String> words(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> {
            for (String w : r.text().strip().split(" ")) {
                if (w.length() >= 3 && !w.matches(".*[0-9].*") && !out.contains(w)) {
                    out.add(w);
                }
            }
        });
        return out;
    }

    @Test
    void tiersComeInOrderExactCodeCodePrefixWholeWordsStartsInsides() {
        List<Row> rows = List.of( // (the code tier's own order, exact code first, is SQL's: see the services' tests)
                row("CHARGER", "exact code"),
                row("X-1", "charger inside: supercharger"),
                row("X-2", "chargers"),
                row("CHARGER-2", "something"),
                row("X-3", "fast charger"));
        Memory m = new Memory(rows, words(rows));
        List<Row> got = SEARCH.page(SearchQuery.parse("charger"), true, 1, 25, m);
        assertEquals(List.of("charger", "charger-2", "x-1", "x-3", "x-2"), codes(got));
    }

    @Test
    void everyWordMustMatchInAnyOrder() {
        List<Row> rows = List.of(row("A", "Fast charger"), row("B", "Fast cable"), row("C", "شاحن سريع"));
        Memory m = new Memory(rows, words(rows));
        assertEquals(List.of("a"), codes(SEARCH.page(SearchQuery.parse("charger fast"), true, 1, 25, m)));
        assertEquals(List.of("c"), codes(SEARCH.page(SearchQuery.parse("سريع الشاحن"), true, 1, 25, m)));
    }

    @Test
    void similarWordsOnlyWhenTheExactOnesFindLessThanAPage() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(row("H-" + i, "headphones"));
        }
        rows.add(row("P", "headphnoes typed wrong in the name"));
        Memory m = new Memory(rows, words(rows));
        List<Row> got = SEARCH.page(SearchQuery.parse("headphnoes"), true, 1, 25, m);
        assertEquals("p", got.get(0).code(), "the exact match first");
        assertEquals(4, got.size(), "then the similar ones");
        m.statements.clear();
        assertEquals(1, SEARCH.page(SearchQuery.parse("headphnoes"), true, 1, 1, m).size());
        assertFalse(m.statements.contains("corrections"), "a full page of exact matches: no typo step");
    }

    @Test
    void oneLetterWrongMissingExtraOrSwappedFindsTheWord() {
        List<Row> rows = List.of(row("K", "keyboard"), row("O", "other"));
        Memory m = new Memory(rows, words(rows));
        for (String typo : new String[]{"keyboarf", "keyboad", "keybooard", "keybaord", "kyeboard"}) {
            assertEquals(List.of("k"), codes(SEARCH.page(SearchQuery.parse(typo), true, 1, 25, m)), typo);
        }
        assertEquals(List.of(), codes(SEARCH.page(SearchQuery.parse("kebyoadr"), true, 1, 25, m)), "two letters off");
    }

    @Test
    void pagesRunOnAcrossTiers() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("CAB", "exact"));
        for (int i = 0; i < 3; i++) {
            rows.add(row("W" + i, "cab whole"));
        }
        for (int i = 0; i < 3; i++) {
            rows.add(row("P" + i, "cabin start"));
        }
        Memory m = new Memory(rows, words(rows));
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            List<Row> got = SEARCH.page(SearchQuery.parse("cab"), true, page, 2, m);
            all.addAll(codes(got.subList(0, Math.min(2, got.size()))));
            assertEquals(page < 4, got.size() == 3, "one more row tells another page follows, page " + page);
        }
        assertEquals(List.of("cab", "w0", "w1", "w2", "p0", "p1", "p2"), all);
    }

    @Test
    void aPhoneNumberInAnyWrittenFormFindsItsDigits() {
        List<Row> rows = List.of(row("C1", "Ali", "9647701234567 07701234567"), row("C2", "Omar", "9647711111111 07711111111"));
        Memory m = new Memory(rows, words(rows));
        for (String q : new String[]{"0770 123 4567", "+964 770 123 4567", "00964-770-123-4567", "٠٧٧٠١٢٣٤٥٦٧", "770 1234"}) {
            assertEquals(List.of("c1"), codes(SEARCH.page(SearchQuery.parse(q), true, 1, 25, m)), q);
        }
    }

    @Test
    void shortWordsMatchOnlyAtTheStartOfAWord() {
        List<Row> rows = List.of(row("A", "usb-c cable 1 m"), row("B", "mouse 21"));
        Memory m = new Memory(rows, words(rows));
        assertEquals(List.of("a"), codes(SEARCH.page(SearchQuery.parse("cable 1"), true, 1, 25, m)));
        assertEquals(List.of("b"), codes(SEARCH.page(SearchQuery.parse("mo 2"), true, 1, 25, m)));
        assertTrue(codes(SEARCH.page(SearchQuery.parse("ouse 1"), true, 1, 25, m)).isEmpty(), "1 is no start of a word of B");
    }

    @Test
    void editsOfAWord() {
        TextSearch.Edits e = TextSearch.Edits.of("cable");
        assertTrue(e.exact.containsAll(List.of("able", "cble", "cabe", "cabl", "acble", "cbale", "calbe", "cabel")));
        assertTrue(e.like.containsAll(List.of("_able", "c_ble", "cabl_", "_cable", "ca_ble", "cable_")));
        assertFalse(e.exact.contains("cable"));
        TextSearch.Edits four = TextSearch.Edits.of("cabl");
        assertTrue(four.exact.isEmpty(), "a four-letter word is looked for only one letter longer");
        assertEquals(List.of("_cabl", "c_abl", "ca_bl", "cab_l", "cabl_"), List.copyOf(four.like));
        assertTrue(TextSearch.Edits.of("cab").isEmpty());
    }

    @Test
    void aWordTypedOneLetterShortOrWithItsArticleStillFindsTheWord() {
        List<Row> rows = List.of(row("B", "مكبر صوت بلوتوث"), row("L", "laptop bag حاسوب"));
        Memory m = new Memory(rows, words(rows));
        assertEquals(List.of("b"), codes(SEARCH.page(SearchQuery.parse("بلتوث"), true, 1, 25, m)), "as typed: five letters");
        assertEquals(List.of("l"), codes(SEARCH.page(SearchQuery.parse("حاسب"), true, 1, 25, m)), "one letter short of five");
        assertEquals(List.of("l"), codes(SEARCH.page(SearchQuery.parse("lapop"), true, 1, 25, m)));
    }
}
