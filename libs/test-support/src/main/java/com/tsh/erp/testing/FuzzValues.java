package com.tsh.erp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The hostile values {@link ApiFuzzer} sends, derived from a field's or parameter's schema in the
 * OpenAPI document: wrong types, empty, out of range, huge, NUL and surrogates, unusual Unicode
 * (right-to-left marks, zero-width joiners, Arabic-Indic digits, full-width letters). A handful a
 * kind, so a service's whole API takes a minute or two.
 */
final class FuzzValues {

    private FuzzValues() {
    }

    /**
     * A value for a JSON body field: {@code json} is the JSON text put in the field's place, or null
     * to leave the field out. {@code mustRefuse} names why the service must refuse it although the
     * document cannot say so (NUL, a lone surrogate, a control character: see the README's text rules).
     */
    record BodyValue(String label, String json, String mustRefuse) {
    }

    /**
     * A value for a query, path or header parameter: {@code raw} goes on the wire as is (already
     * percent-encoded where it should be), {@code decoded} is what the service should read (null when
     * it cannot be decoded), for the OpenAPI document's judgement.
     */
    record UrlValue(String label, String raw, String decoded, String mustRefuse) {
    }

    static final String NUL = "contains NUL";
    static final String SURROGATE = "contains a lone surrogate";
    static final String CONTROL = "contains a control character";
    static final String BAD_ENCODING = "bad percent-encoding";

    static final String RTL = "\u200f";
    static final String ZWJ = "\u200d";
    static final String ZWSP = "\u200b";
    static final String ARABIC_DIGITS = "\u0663\u0664\u0665";
    static final String ARABIC_WORD = "\u0641\u0648\u0632"; // فوز

    // ---------------------------------------------------------------- body fields

    /** {@code validItem}: the JSON of one valid element, for arrays (too many of them). */
    static List<BodyValue> body(JsonNode s, String validItem) {
        List<BodyValue> v = new ArrayList<>();
        String type = type(s);
        v.add(new BodyValue("absent", null, null));
        v.add(new BodyValue("null", "null", null));
        switch (type) {
            case "string" -> strings(s, v);
            case "integer" -> integers(s, v);
            case "number" -> numbers(s, v);
            case "boolean" -> {
                for (String j : List.of("\"yes\"", "\"true\"", "1", "0", "\"\"")) {
                    v.add(body(j));
                }
            }
            case "array" -> {
                v.add(body("\"x\""));
                v.add(body("{}"));
                v.add(body("[]"));
                v.add(body("[null]"));
                if (s.has("maxItems") && validItem != null) {
                    v.add(new BodyValue("maxItems+1 items", repeat(validItem, s.get("maxItems").asInt() + 1), null));
                }
                if (validItem != null) {
                    v.add(new BodyValue("1000 items", repeat(validItem, 1000), null));
                }
            }
            case "object" -> {
                v.add(body("\"x\""));
                v.add(body("[]"));
                v.add(body("1"));
            }
            default -> {
            }
        }
        if (!type.equals("object") && !type.equals("array")) {
            v.add(body("{}"));
            v.add(body("[]"));
            v.add(body("[1]"));
        }
        return v;
    }

    private static void strings(JsonNode s, List<BodyValue> v) {
        boolean enumeration = s.has("enum");
        String format = s.path("format").asText("");
        v.add(body(js("")));
        v.add(new BodyValue("10000 chars", js("x".repeat(10_000)), null));
        v.add(new BodyValue("NUL", js("\u0000"), NUL));
        v.add(new BodyValue("Fz+NUL+z", js("Fz\u0000z"), NUL));
        v.add(new BodyValue("lone high surrogate", js("\ud800"), SURROGATE));
        v.add(new BodyValue("lone low surrogate", js("Fz\udc00"), SURROGATE));
        v.add(new BodyValue("control U+0007", js("Fz\u0007"), CONTROL));
        v.add(body("123"));
        v.add(body("true"));
        if (enumeration) {
            String first = s.get("enum").get(0).asText();
            v.add(body(js("NOT_A_VALUE")));
            v.add(body(js(first.toLowerCase(Locale.ROOT))));
            v.add(new BodyValue(first + "+ZWSP", js(first + ZWSP), null));
            v.add(new BodyValue("full-width " + first, js(fullWidth(first)), null));
            v.add(body(js(" " + first)));
            return;
        }
        if (format.equals("date") || format.equals("date-time")) {
            for (String d : List.of("abc", "2024-02-30", "+999999999-12-31", "-999999999-01-01", "99999-01-01", "2024-1-1",
                    "\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661")) {
                v.add(body(js(d)));
            }
            return;
        }
        v.add(body(js("   ")));
        if (s.has("maxLength")) {
            int max = s.get("maxLength").asInt();
            v.add(new BodyValue("maxLength+1 chars", js("x".repeat(max + 1)), null));
            v.add(new BodyValue("maxLength+1 Arabic chars", js("\u0641".repeat(max + 1)), null));
        }
        v.add(new BodyValue("control U+007F", js("Fz\u007f"), CONTROL));
        v.add(new BodyValue("RTL mark", js(RTL + ARABIC_WORD), null));
        v.add(new BodyValue("ZWJ", js("\u0641" + ZWJ + "\u0648"), null));
        v.add(new BodyValue("ZWSP alone", js(ZWSP), null));
        v.add(new BodyValue("Arabic-Indic digits", js(ARABIC_DIGITS), null));
        v.add(new BodyValue("full-width FUZZ", js(fullWidth("FUZZ")), null));
        v.add(new BodyValue("astral chars", js("\ud835\udd09\ud83d\ude00"), null));
        v.add(new BodyValue("BOM", js("\ufeffFz"), null));
        v.add(new BodyValue("tab and newline", js("Fz\tz\nz"), null));
    }

    private static void integers(JsonNode s, List<BodyValue> v) {
        List<String> values = new ArrayList<>(List.of("-1", "0", "2147483647", "2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "99999999999999999999", "1.5", "5.7", "1.0", "1e3", "-0",
                js("1"), js("abc"), js(ARABIC_DIGITS), js(""), "true"));
        bounds(s, values, BigDecimal.ONE);
        for (String j : values) {
            v.add(body(j));
        }
    }

    private static void numbers(JsonNode s, List<BodyValue> v) {
        List<String> values = new ArrayList<>(List.of("-0.01", "-1", "0", "0.001", "0.005", "999999999999.99",
                "1000000000000", "1e15", "99999999999999999999", "1e131072", "-1e131072", "1e-16384", "1E+2",
                js("1"), js("abc"), js("NaN"), js("Infinity"), js(ARABIC_DIGITS), "true"));
        bounds(s, values, new BigDecimal("0.01"));
        for (String j : values) {
            v.add(body(j));
        }
    }

    /** Just beyond the schema's minimum and maximum. */
    private static void bounds(JsonNode s, List<String> values, BigDecimal step) {
        if (s.has("minimum")) {
            values.add(s.get("minimum").decimalValue().subtract(step).stripTrailingZeros().toPlainString());
        }
        if (s.has("maximum")) {
            values.add(s.get("maximum").decimalValue().add(step).stripTrailingZeros().toPlainString());
        }
    }

    private static String repeat(String item, int n) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            j.add(item);
        }
        return j.toString();
    }

    private static BodyValue body(String json) {
        return new BodyValue(label(json), json, null);
    }

    // ---------------------------------------------------------------- query and path parameters

    static List<UrlValue> query(JsonNode s) {
        List<UrlValue> v = new ArrayList<>();
        String type = type(s);
        v.add(url("", ""));
        v.add(new UrlValue("%00 (NUL)", "%00", "\u0000", NUL));
        v.add(new UrlValue("Fz%00", "Fz%00", "Fz\u0000", NUL));
        v.add(new UrlValue("%07 (control)", "%07", "\u0007", CONTROL));
        v.add(new UrlValue("%ED%A0%80 (encoded surrogate)", "%ED%A0%80", "\ufffd", null));
        v.add(new UrlValue("%zz (bad encoding)", "%zz", null, BAD_ENCODING));
        v.add(new UrlValue("% (bad encoding)", "%", null, BAD_ENCODING));
        v.add(new UrlValue("10000 chars", "x".repeat(10_000), "x".repeat(10_000), null));
        switch (type) {
            case "integer" -> {
                List<String> values = new ArrayList<>(List.of("abc", "1.5", "-1", "0", "2147483648", "-2147483649",
                        "9223372036854775808", "99999999999999999999", "1e3", "+1", "0x10", ARABIC_DIGITS, fullWidth("1"), " 1"));
                if (s.has("minimum")) {
                    values.add(s.get("minimum").bigIntegerValue().subtract(BigInteger.ONE).toString());
                }
                if (s.has("maximum")) {
                    values.add(s.get("maximum").bigIntegerValue().add(BigInteger.ONE).toString());
                }
                values.forEach(x -> v.add(url(x)));
                v.add(new UrlValue("1;2 (raw ;)", "1;2", "1;2", null));
            }
            case "number" -> {
                for (String x : List.of("abc", "-1", "-0.01", "1e131072", "-1e131072", "1e-16384", "NaN", "Infinity",
                        "99999999999999999999", "1,5", "0x10", ARABIC_DIGITS)) {
                    v.add(url(x));
                }
            }
            case "boolean" -> {
                for (String x : List.of("yes", "1", "TRUE", "t")) {
                    v.add(url(x));
                }
            }
            default -> {
                if (s.has("enum")) {
                    String first = s.get("enum").get(0).asText();
                    for (String x : List.of("bogus", first.toLowerCase(Locale.ROOT), first + ZWSP, fullWidth(first), " " + first)) {
                        v.add(url(x));
                    }
                } else if (s.path("format").asText("").startsWith("date")) {
                    for (String x : List.of("abc", "2024-02-30", "+999999999-12-31", "-999999999-01-01", "99999-01-01",
                            "2024-01-01T00:00:00Z", "\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661")) {
                        v.add(url(x));
                    }
                } else if (s.has("pattern")) {
                    StringJoiner many = new StringJoiner(",");
                    for (int i = 1; i <= 101; i++) {
                        many.add(Integer.toString(i));
                    }
                    for (String x : List.of(",", "1,,2", "abc", "1,abc", "-1", "99999999999999999999", ARABIC_DIGITS, " 1", "1, 2")) {
                        v.add(url(x));
                    }
                    v.add(new UrlValue("101 ids", many.toString(), many.toString(), null));
                } else {
                    v.add(url(" "));
                    if (s.has("maxLength")) {
                        int max = s.get("maxLength").asInt();
                        v.add(new UrlValue("maxLength+1 chars", "x".repeat(max + 1), "x".repeat(max + 1), null));
                    }
                    for (String x : List.of(RTL + ARABIC_WORD, "\u0641" + ZWJ + "\u0648", ZWSP, ARABIC_DIGITS, fullWidth("FUZZ"),
                            "a&b=c", "%", "'\"", "\ud83d\ude00")) {
                        v.add(url(x));
                    }
                    v.add(new UrlValue("foo;bar (raw ;)", "foo;bar", "foo;bar", null));
                    v.add(new UrlValue("foo%3Bbar", "foo%3Bbar", "foo;bar", null));
                }
            }
        }
        if (!type.equals("string")) {
            v.add(new UrlValue("1%ED%A0%80 (encoded surrogate)", "1%ED%A0%80", "1\ufffd", null));
        }
        return v;
    }

    /**
     * Values for a path parameter; {@code valid} is the value of an existing row, which the decorated
     * values wrap (so that a value read as the row's id hits the request's own row, not someone else's).
     */
    static List<UrlValue> path(JsonNode s, String valid) {
        List<UrlValue> v = new ArrayList<>();
        String e = encode(valid);
        v.add(new UrlValue("%00 (NUL)", "%00", "\u0000", NUL));
        v.add(new UrlValue("valid+%00", e + "%00", valid + "\u0000", NUL));
        v.add(new UrlValue("valid+%07 (control)", e + "%07", valid + "\u0007", CONTROL));
        v.add(new UrlValue("%ED%A0%80 (encoded surrogate)", "%ED%A0%80", "\ufffd", null));
        v.add(new UrlValue("%zz (bad encoding)", "%zz", null, BAD_ENCODING));
        v.add(new UrlValue("10000 chars", "9".repeat(10_000), "9".repeat(10_000), null));
        v.add(new UrlValue("%20+valid", "%20" + e, " " + valid, null));
        v.add(new UrlValue("valid;x (raw ;)", e + ";x", valid + ";x", null));
        v.add(new UrlValue("full-width valid", encode(fullWidth(valid)), fullWidth(valid), null));
        v.add(new UrlValue("Arabic-Indic valid", encode(arabicDigits(valid)), arabicDigits(valid), null));
        v.add(new UrlValue("RTL mark+valid", encode(RTL + valid), RTL + valid, null));
        if (type(s).equals("integer")) {
            for (String x : List.of("abc", "0", "-1", "1.5", "999999999", "2147483648", "9223372036854775808",
                    "99999999999999999999", "1e3", "-" + valid, "+" + valid)) {
                v.add(url(x));
            }
        } else {
            for (String x : List.of("no-such-thing-Fz", "..", ZWSP, fullWidth("FUZZ"), "a b", "\ud83d\ude00", valid + ZWSP)) {
                v.add(url(x));
            }
            v.add(new UrlValue("%2F", "a%2Fb", "a/b", null));
        }
        return v;
    }

    /** ASCII digits as Arabic-Indic digits (U+0660..U+0669). */
    static String arabicDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) (c - '0' + 0x0660) : c);
        }
        return b.toString();
    }

    /** Header values: only what HTTP/1.1 can carry (no line breaks), sent as ISO-8859-1 bytes. */
    static List<UrlValue> header(JsonNode s) {
        List<UrlValue> v = new ArrayList<>();
        v.add(new UrlValue("empty", "", "", null));
        v.add(new UrlValue("blank", "   ", "   ", null));
        v.add(new UrlValue("NUL byte", "Fz\u0000z", "Fz\u0000z", NUL));
        v.add(new UrlValue("Latin-1 byte", "Fz\u00e9", "Fz\u00e9", null));
        if (s.has("maxLength")) {
            int max = s.get("maxLength").asInt();
            v.add(new UrlValue("maxLength+1 chars", "x".repeat(max + 1), "x".repeat(max + 1), null));
        }
        v.add(new UrlValue("10000 chars", "x".repeat(10_000), "x".repeat(10_000), null));
        return v;
    }

    private static UrlValue url(String decoded) {
        return new UrlValue(label(decoded), encode(decoded), decoded, null);
    }

    private static UrlValue url(String label, String decoded) {
        return new UrlValue(label.isEmpty() ? "empty" : label, encode(decoded), decoded, null);
    }

    // ---------------------------------------------------------------- helpers

    static String type(JsonNode s) {
        if (s.has("type")) {
            return s.get("type").asText();
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return s.has("enum") ? "string" : "any";
    }

    /** A JSON string literal: control characters and lone surrogates escaped, everything else as it is. */
    static String js(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Percent-encodes the UTF-8 bytes of everything but RFC 3986's unreserved characters. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    /** A short, printable name for a value, for the report. */
    static String label(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 48; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= 48) {
            b.append("...(").append(text.length()).append(" chars)");
        }
        return b.isEmpty() ? "empty" : b.toString();
    }
}
