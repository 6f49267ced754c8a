package com.tsh.erp.gateway.feed;

import com.tsh.erp.defaults.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque {@code since} of {@code GET /mobile/v1/changes}: base64url of {@code 1:<after>:<start>:<types>:<scope>}.
 * {@code after}: the last sequence the phone has. {@code start}: during a sync from scratch, the sequence the
 * sync started at (records that were already inactive then are left out, the phone never had them; 0 once past).
 * {@code types}: the record types the phone syncs (a cursor is for one set of types: a type added later must start
 * from scratch). {@code scope}: whose view it is ({@code all}, {@code s<salesperson>}, {@code c<client>},
 * {@code none}); a cursor used under another view is refused, since what the phone holds is not that view.
 */
public record ChangeCursor(long after, long start, Set<Kind> types, String scope) {

    /** The record types, as {@code types} names them. */
    public enum Kind {
        products(FeedWriter.PRODUCT), categories(FeedWriter.CATEGORY), clients(FeedWriter.CLIENT);

        final String row;

        Kind(String row) {
            this.row = row;
        }
    }

    private static final Pattern FORM = Pattern.compile("1:(0|[1-9][0-9]{0,17}):(0|[1-9][0-9]{0,17}):([1-7]):(all|none|[sc][1-9][0-9]{0,17})");

    public String encode() {
        int mask = 0;
        for (Kind k : types) {
            mask |= 1 << k.ordinal();
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("1:" + after + ":" + start + ":" + mask + ":" + scope).getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor this server made; anything else is 400 naming {@code since}. */
    public static ChangeCursor decode(String since) {
        if (since.length() > 200 || !since.matches("[A-Za-z0-9_-]+")) {
            throw bad("is not a cursor this server gave (send next_cursor as it was received)");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(since), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw bad("is not a cursor this server gave (send next_cursor as it was received)");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw bad("is not a cursor this server gave (send next_cursor as it was received)");
        }
        int mask = Integer.parseInt(m.group(3));
        Set<Kind> types = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.values()) {
            if ((mask & (1 << k.ordinal())) != 0) {
                types.add(k);
            }
        }
        return new ChangeCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), types, m.group(4));
    }

    static ApiException bad(String message) {
        return ApiException.badRequest("since", message);
    }
}
