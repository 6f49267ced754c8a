package com.tsh.erp.clients.service;

import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.RowMapper;
import com.tsh.erp.defaults.Sql.Where;
import com.tsh.erp.text.SearchQuery;
import com.tsh.erp.text.SearchText;
import com.tsh.erp.text.TextSearch;
import java.util.List;
import java.util.Map;

/**
 * Client and salesperson search: what a row is found by (its names, its phone in its digit forms,
 * its email) and the runner of libs/text's search pattern over a table with its filters and order.
 */
public final class SearchTexts {

    /** The one search pattern (libs/text) over a table's {@code search_text} and the word table. */
    static final TextSearch SEARCH = new TextSearch("search_text", null, "search_word");

    private SearchTexts() {
    }

    /** The stored search text: libs/text's document of the names, the phone's digit forms and the email. */
    public static String of(String name, String nameAr, String phoneE164, String email) {
        return SearchText.document(name, nameAr, Phones.searchForms(phoneE164), email);
    }

    /** A statement the search ran, and its plan. */
    public record Plan(String statement, String plan) {
    }

    /**
     * Page {@code page} of the rows of {@code from} (a {@code select ... from table}) that pass
     * {@code filters} and match {@code q}, in the search's tiers, each by {@code order}, plus one
     * more row when another page follows. With {@code plans}, every statement's plan is added to it.
     */
    static <T> List<T> page(Sql sql, String from, Where filters, String order, SearchQuery q, int page, int perPage,
                            RowMapper<T> mapper, List<Plan> plans) {
        return SEARCH.page(q, true, page, perPage, new TextSearch.Runner<>() {
            @Override
            public List<T> rows(String condition, String orderFirst, Map<String, Object> values, int limit, long offset) {
                String statement = from + filters + " and " + condition + " order by "
                        + (orderFirst == null ? "" : orderFirst + ", ") + order + " limit :sq_limit offset :sq_offset";
                Params params = params(filters, values).and("sq_limit", limit).and("sq_offset", offset);
                explain(sql, plans, statement, params);
                return sql.list(statement, params, mapper);
            }

            @Override
            public long count(String condition, Map<String, Object> values, long upTo) {
                String statement = "select count(*) as n from (" + from + filters + " and " + condition + " limit :sq_limit) x";
                Params params = params(filters, values).and("sq_limit", upTo);
                explain(sql, plans, statement, params);
                return sql.one(statement, params, r -> r.getLong("n")).orElse(0L);
            }

            @Override
            public List<TextSearch.Correction> corrections(String statement, Map<String, Object> values) {
                Params params = params(filters, values);
                explain(sql, plans, statement, params);
                return sql.list(statement, params, r -> new TextSearch.Correction(r.getInt("i"), r.getString("word")));
            }
        });
    }

    private static Params params(Where filters, Map<String, Object> values) {
        Params params = filters.params();
        values.forEach(params::and);
        return params;
    }

    static void explain(Sql sql, List<Plan> plans, String statement, Params params) {
        if (plans != null) {
            plans.add(new Plan(statement, String.join("\n",
                    sql.list("explain (analyze, costs off, timing off, summary off) " + statement, params, r -> r.getString("QUERY PLAN")))));
        }
    }
}
