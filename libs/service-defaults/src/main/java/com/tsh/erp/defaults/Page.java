package com.tsh.erp.defaults;

import java.util.List;

/** One page of a list (every list API pages; at most 100 a page, 50 on mobile endpoints): {@code has_more} says whether a next page exists, without a costly total count. */
public record Page<T>(List<T> items, int page, int perPage, boolean hasMore) {

    /** From a query that fetched perPage + 1 rows. */
    public static <T> Page<T> of(List<T> rows, int page, int perPage) {
        boolean more = rows.size() > perPage;
        return new Page<>(more ? rows.subList(0, perPage) : rows, page, perPage, more);
    }
}
