package com.tsh.erp.defaults;

import java.util.ArrayList;
import java.util.List;

/** The {@code ids=1,2,3} parameter of the batch endpoints the gateway uses. */
public final class IdList {

    /** At most this many ids a request. */
    public static final int MAX = 100;

    private IdList() {
    }

    /** The ids in the order given; a 400 naming {@code field} for a non-number, none, or more than {@link #MAX}. */
    public static List<Long> parse(String field, String ids) {
        List<Long> out = new ArrayList<>();
        for (String part : ids.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(field, "'" + part.strip() + "' is not an id");
            }
        }
        if (out.isEmpty() || out.size() > MAX) {
            throw ApiException.badRequest(field, "give 1 to " + MAX + " ids, got " + out.size());
        }
        return out;
    }
}
