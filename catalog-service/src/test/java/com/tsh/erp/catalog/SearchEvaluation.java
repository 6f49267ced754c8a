package com.tsh.erp.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The labelled search evaluation (src/test/resources/search/evaluation.tsv): queries a salesperson
 * types, each with the products (SKUs) that must be among the first 10 results, over the
 * benchmark's 20,000 generated products and the demo data. {@link #run} asks every query and
 * scores the answers: recall@10 (the share of a query's products in its first 10 results, averaged
 * over the queries) and MRR@10 (1 / the rank of the first of them, 0 beyond 10, averaged).
 */
public final class SearchEvaluation {

    public static final String FILE = "search/evaluation.tsv";
    static final int DEPTH = 10;

    /** One labelled query. {@code language}: ar, en or mixed. */
    public record Query(String category, String language, String text, Set<String> expected) {
    }

    /** A query's score, with the SKUs it got. */
    public record Score(Query query, double recall, double reciprocalRank, List<String> got) {
    }

    /** All scores, with the averages overall and per category. */
    public record Result(List<Score> scores) {

        public double recall() {
            return scores.stream().mapToDouble(Score::recall).average().orElse(0);
        }

        public double mrr() {
            return scores.stream().mapToDouble(Score::reciprocalRank).average().orElse(0);
        }

        /** Category → [queries, recall@10, MRR@10]. */
        public Map<String, double[]> byCategory() {
            Map<String, List<Score>> groups = new LinkedHashMap<>();
            scores.forEach(s -> groups.computeIfAbsent(s.query().category(), k -> new ArrayList<>()).add(s));
            Map<String, double[]> out = new LinkedHashMap<>();
            groups.forEach((k, v) -> out.put(k, new double[]{v.size(),
                    v.stream().mapToDouble(Score::recall).average().orElse(0),
                    v.stream().mapToDouble(Score::reciprocalRank).average().orElse(0)}));
            return out;
        }

        public List<Score> misses() {
            return scores.stream().filter(s -> s.recall() < 1).toList();
        }

        /** A Markdown table: one row per category and the total. */
        public String table(String label) {
            StringBuilder b = new StringBuilder("| " + label + " | queries | recall@10 | MRR@10 |\n|---|---|---|---|\n");
            byCategory().forEach((k, v) -> b.append(String.format("| %s | %d | %.1f %% | %.3f |%n", k, (int) v[0], 100 * v[1], v[2])));
            b.append(String.format("| **all** | %d | **%.1f %%** | **%.3f** |%n", scores.size(), 100 * recall(), mrr()));
            return b.toString();
        }

        public String missList() {
            StringBuilder b = new StringBuilder();
            for (Score s : misses()) {
                b.append(String.format("- %s `%s`: wanted %s, got %s%n", s.query().category(), s.query().text(),
                        s.query().expected(), s.got().subList(0, Math.min(DEPTH, s.got().size()))));
            }
            return b.toString();
        }
    }

    /** One kind of search for the plan checks: what it is, and the list request. */
    public record Kind(String label, com.tsh.erp.catalog.service.ProductQuery query) {
    }

    /** Every kind of search the service runs, over the evaluation's catalog (categoryId: a department with sections). */
    public static List<Kind> kinds(long categoryId) {
        return List.of(
                new Kind("exact SKU", query("BENCH-00305", null, null, 1)),
                new Kind("SKU prefix", query("bench-0030", null, null, 1)),
                new Kind("one word matching 2,000 products", query("cable", null, null, 1)),
                new Kind("one word matching 2,000 products, by price, page 3", query("cable", null, "price", 3)),
                new Kind("one word in a department", query("cable", categoryId, null, 1)),
                new Kind("one letter", query("c", null, null, 1)),
                new Kind("several words, any order", query("white charger fast 41", null, null, 1)),
                new Kind("Arabic with the article and hamza variants", query("الشاحن الابيض 41", null, null, 1)),
                new Kind("Arabic word matching every product, and a number", query("رقم 1", null, null, 1)),
                new Kind("digits only (SKU digits)", query("00305", null, null, 1)),
                new Kind("mixed languages", query("شاحن fast 41", null, null, 1)),
                new Kind("typo fallback", query("headphnoes 305", null, null, 1)),
                new Kind("typo fallback, Arabic", query("بلتوث 2566", null, null, 1)),
                new Kind("no query (plain list)", query(null, null, null, 1)));
    }

    private static com.tsh.erp.catalog.service.ProductQuery query(String q, Long categoryId, String sort, int page) {
        return new com.tsh.erp.catalog.service.ProductQuery(q, categoryId, null, null, null, null, sort, page, 25);
    }

    private SearchEvaluation() {
    }

    public static List<Query> queries() {
        List<Query> out = new ArrayList<>();
        try (InputStream in = SearchEvaluation.class.getClassLoader().getResourceAsStream(FILE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Query(f[0], f[1], f[2], Set.of(f[3].split(" "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Asks every query through {@code search} (the SKUs of the answer, best first) and scores it. */
    public static Result run(List<Query> queries, Function<String, List<String>> search) {
        List<Score> scores = new ArrayList<>();
        for (Query q : queries) {
            List<String> got = search.apply(q.text());
            long found = got.stream().limit(DEPTH).filter(q.expected()::contains).count();
            double rr = 0;
            for (int i = 0; i < Math.min(DEPTH, got.size()); i++) {
                if (q.expected().contains(got.get(i))) {
                    rr = 1.0 / (i + 1);
                    break;
                }
            }
            scores.add(new Score(q, (double) found / q.expected().size(), rr, got));
        }
        return new Result(scores);
    }

    /** Languages of the queries: ar, en, mixed → count. */
    public static Map<String, Long> languages(List<Query> queries) {
        Map<String, Long> out = new TreeMap<>();
        queries.forEach(q -> out.merge(q.language(), 1L, Long::sum));
        return out;
    }
}
