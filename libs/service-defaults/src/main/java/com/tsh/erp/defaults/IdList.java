package com.tsh.erp.defaults;

import java.util.ArrayList;
import java.util.List;

/** The {@code ids=1,2,3} parameter of the batch endpoints the gateway uses. */
public final class IdList {

    /** At most this many ids a request. */
    public static final int MAX = 100;

    private IdList() {
    }

    /** What the OpenAPI documents declare for {@code ids}: ASCII digits, separated by single commas. */
    public static final String PATTERN = "^[0-9]+(,[0-9]+)*$";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9]{1,18}");

    /**
     * The ids in the order given; a 400 naming {@code field} for anything but ids as the document
     * declares them ({@link #PATTERN}: no blanks, signs, spaces or other digits), none, or more than {@link #MAX}.
     */
    public static List<Long> parse(String field, String ids) {
        List<Long> out = new ArrayList<>();
        for (String part : ids.split(",", -1)) {
            if (!ID.matcher(part).matches()) {
                String shown = part.length() > 20 ? part.substring(0, 20) + "…" : part;
                throw ApiException.badRequest(field, "'" + shown + "' is not an id (ids are digits, separated by single commas)");
            }
            out.add(Long.parseLong(part));
            if (out.size() > MAX) {
                break;
            }
        }
        if (out.isEmpty() || out.size() > MAX) {
            throw ApiException.badRequest(field, "give 1 to " + MAX + " ids");
        }
        return out;
    }
}
