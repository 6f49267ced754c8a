package com.tsh.erp.clients.service;

import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.text.SearchText;
import java.util.ArrayList;
import java.util.List;

/** What a client or salesperson search matches: names (normal form), the phone in its digit forms, the email. */
public final class SearchTexts {

    /** Only what phone numbers are written with. */
    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("[0-9+()\\-. ]+");

    private SearchTexts() {
    }

    public static String of(String name, String nameAr, String phoneE164, String email) {
        return SearchText.normalize(name) + " " + SearchText.normalize(nameAr) + " " + Phones.searchForms(phoneE164)
                + " " + SearchText.normalize(email);
    }

    /**
     * The WHERE fragment for {@code q}, with its values set on {@code params} ({@code :qText},
     * {@code :qDigits}): the normalised text as a substring, or, for a query with at least 4
     * digits, its digits (so any written form of a phone number matches).
     */
    static String where(String column, String q, Params params) {
        String pattern = SearchText.likePattern(q);
        String digits = Phones.queryDigits(q);
        if (digits.length() >= 4 && PHONE_LIKE.matcher(SearchText.normalize(q)).matches()) {
            params.and("qDigits", "%" + digits + "%"); // a phone number, however written: its digits alone
            return column + " like :qDigits";
        }
        List<String> parts = new ArrayList<>();
        if (!pattern.isEmpty()) {
            parts.add(column + " like :qText escape '\\'");
            params.and("qText", "%" + pattern + "%");
        }
        if (digits.length() >= 4) {
            parts.add(column + " like :qDigits");
            params.and("qDigits", "%" + digits + "%");
        }
        return parts.isEmpty() ? "true" : "(" + String.join(" or ", parts) + ")";
    }
}
