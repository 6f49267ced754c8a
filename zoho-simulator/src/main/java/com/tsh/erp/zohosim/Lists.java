package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** What every Zoho list shares: paging ({@code page}, {@code per_page} up to 200), sorting, status filter, page_context. */
final class Lists {

    static final int MAX_PER_PAGE = 200;

    private Lists() {
    }

    /** The list parameters of a call, checked. */
    record Params(int page, int perPage, String sortColumn, boolean descending, String filterBy, Long modifiedSince) {
    }

    static Params params(ApiGate.Call call, Set<String> sortColumns, Set<String> filters) {
        int page = positive(call, "page", 1);
        int perPage = positive(call, "per_page", MAX_PER_PAGE);
        if (perPage > MAX_PER_PAGE) {
            throw ZohoException.invalid("per_page", "at most " + MAX_PER_PAGE);
        }
        String sort = call.query("sort_column") == null ? "created_time" : call.query("sort_column");
        if (!sortColumns.contains(sort)) {
            throw ZohoException.invalid("sort_column", "one of " + sortColumns);
        }
        String order = call.query("sort_order") == null ? "A" : call.query("sort_order");
        if (!order.equals("A") && !order.equals("D")) {
            throw ZohoException.invalid("sort_order", "A or D");
        }
        String filter = call.query("filter_by") == null ? "Status.All" : call.query("filter_by");
        if (!filters.contains(filter)) {
            throw ZohoException.invalid("filter_by", "one of " + filters);
        }
        String since = call.query("last_modified_time");
        return new Params(page, perPage, sort, order.equals("D"), filter,
                since == null ? null : ZohoTime.parseSeconds("last_modified_time", since));
    }

    private static int positive(ApiGate.Call call, String name, int dflt) {
        String v = call.query(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw ZohoException.invalid(name, "at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ZohoException.invalid(name, "a whole number");
        }
    }

    /** {@code Status.All} passes everything, {@code Status.Active} the records whose status is {@code active}, ... */
    static Predicate<ObjectNode> status(String filterBy) {
        if (filterBy.equals("Status.All")) {
            return r -> true;
        }
        String status = filterBy.substring("Status.".length()).toLowerCase(Locale.ROOT);
        return r -> status.equals(r.path("status").asText());
    }

    static Predicate<ObjectNode> equalsIgnoreCase(String field, String wanted) {
        return wanted == null ? r -> true : r -> wanted.trim().equalsIgnoreCase(r.path(field).asText());
    }

    static Predicate<ObjectNode> equalsExactly(String field, String wanted) {
        return wanted == null ? r -> true : r -> wanted.equals(r.path(field).asText());
    }

    /** True when any of the fields contains the text (case-insensitive). */
    static Predicate<ObjectNode> contains(String text, String... fields) {
        if (text == null) {
            return r -> true;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return r -> {
            for (String f : fields) {
                JsonNode v = r.get(f);
                if (v != null && v.asText().toLowerCase(Locale.ROOT).contains(t)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The envelope of a list: code 0, the page's records under {@code name}, and page_context. */
    static ObjectNode answer(String name, Store.Page page, Params p, String reportName) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("code", 0);
        out.put("message", "success");
        ArrayNode records = out.putArray(name);
        page.records().forEach(records::add);
        ObjectNode pc = out.putObject("page_context");
        pc.put("page", p.page());
        pc.put("per_page", p.perPage());
        pc.put("has_more_page", page.hasMore());
        pc.put("report_name", reportName);
        pc.put("applied_filter", p.filterBy());
        pc.put("sort_column", p.sortColumn());
        pc.put("sort_order", p.descending() ? "D" : "A");
        return out;
    }

    /** The envelope of one record. */
    static ObjectNode answer(String message, String name, ObjectNode record) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("code", 0);
        out.put("message", message);
        if (name != null) {
            out.set(name, record);
        }
        return out;
    }
}
