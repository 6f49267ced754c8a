package com.tsh.erp.zohosim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Zoho's timestamps: {@code 2026-11-30T10:00:00+0000} (seconds, numeric offset without a colon); dates {@code 2026-11-30}. */
public final class ZohoTime {

    private static final DateTimeFormatter ZOHO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private ZohoTime() {
    }

    public static String format(long epochMillis) {
        return ZOHO.format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
    }

    public static String date(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }

    /**
     * A {@code last_modified_time} filter: Zoho's form, or ISO-8601 with {@code Z} or {@code +00:00}. A {@code +}
     * sent unencoded in a query string arrives as a space; it is read as the {@code +} it was.
     *
     * @return epoch seconds
     * @throws ZohoException 400 code 2 when it is neither
     */
    public static long parseSeconds(String field, String value) {
        String v = value.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(v, ZOHO).toEpochSecond();
        } catch (DateTimeParseException notZohos) {
            try {
                return OffsetDateTime.parse(v).toEpochSecond();
            } catch (DateTimeParseException notIso) {
                throw ZohoException.invalid(field, "expected a time like 2026-11-30T10:00:00+0000");
            }
        }
    }
}
