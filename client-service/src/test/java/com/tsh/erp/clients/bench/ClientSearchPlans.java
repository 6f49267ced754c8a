package com.tsh.erp.clients.bench;

import com.tsh.erp.clients.service.ClientSearch;
import com.tsh.erp.clients.service.ClientSearch.ClientQuery;
import com.tsh.erp.clients.service.SearchTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of client search over the benchmark's clients (GeneratedClients), with the plans of
 * the statements it runs: ClientSearchPlansTest checks that none scans the clients, and
 * ClientSearchPlanBenchmark writes them into BENCHMARKS.md.
 */
public final class ClientSearchPlans {

    private ClientSearchPlans() {
    }

    /** What each kind is → the list request. */
    public static Map<String, ClientQuery> kinds() {
        Map<String, ClientQuery> kinds = new LinkedHashMap<>();
        kinds.put("one word matching 625 clients", query("electronics", null));
        kinds.put("several words, any order", query("16 electronics noor", null));
        kinds.put("Arabic with an attached prefix and the article", query("والنور 16", null));
        kinds.put("phone, local form", query("07700000016", null));
        kinds.put("phone, international form with spaces", query("+964 770 000 0016", null));
        kinds.put("email", query("client16@example", null));
        kinds.put("typo step", query("electronis 16", null));
        kinds.put("one word in a city", query("mobile", "Basra"));
        kinds.put("no query (plain list)", query(null, null));
        return kinds;
    }

    private static ClientQuery query(String q, String city) {
        return new ClientQuery(q, null, null, null, city, null, 1, 25);
    }

    /** Each kind's label and the plans of its statements, in Markdown (collapsed blocks). */
    public static String markdown(ClientSearch search) {
        StringBuilder out = new StringBuilder();
        kinds().forEach((label, q) -> out.append("<details><summary>").append(label).append(": <code>q=")
                .append(q.q() == null ? "" : q.q()).append(q.city() == null ? "" : "&city=" + q.city())
                .append("</code></summary>\n\n```\n").append(plans(search, q, false)).append("\n```\n</details>\n\n"));
        return out.toString();
    }

    /** The plans of a search's statements (with their SQL when {@code withSql}). */
    public static String plans(ClientSearch search, ClientQuery q, boolean withSql) {
        List<SearchTexts.Plan> plans = search.explain(q);
        return String.join("\n\n", plans.stream().map(p -> withSql ? p.statement() + "\n" + p.plan() : p.plan()).toList());
    }
}
