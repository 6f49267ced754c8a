package com.tsh.erp.clients.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.tsh.erp.defaults.ApiException;

/**
 * Phone numbers, stored in E.164 (+9647701234567). Written locally (0770 123 4567), with the
 * country code (+964 770..., 00964 770...), with spaces, dashes or dots, or in Arabic-Indic
 * digits, they all mean the same number. Numbers without a country code are Iraqi. Parsing and
 * validation are Google's libphonenumber.
 */
public final class Phones {

    static final String DEFAULT_REGION = "IQ";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** The number in E.164, or null for none; a 400 naming {@code field} when it is not a valid number. */
    public static String toE164(String field, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            PhoneNumber n = UTIL.parse(com.tsh.erp.text.SearchText.normalize(written), DEFAULT_REGION);
            if (!UTIL.isValidNumber(n)) {
                throw ApiException.badRequest(field, "'" + written + "' is not a valid phone number");
            }
            return UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ApiException.badRequest(field, "'" + written + "' is not a phone number");
        }
    }

    /** E.164 or null, for data from elsewhere (Zoho): an unusable number is dropped, not refused. */
    public static String toE164OrNull(String written) {
        try {
            return toE164("phone", written);
        } catch (ApiException e) {
            return null;
        }
    }

    /** The digit forms a search should find the number by: international (9647...) and local (07...). */
    public static String searchForms(String e164) {
        if (e164 == null) {
            return "";
        }
        try {
            PhoneNumber n = UTIL.parse(e164, DEFAULT_REGION);
            String national = UTIL.getNationalSignificantNumber(n);
            String prefix = UTIL.getNddPrefixForRegion(UTIL.getRegionCodeForNumber(n), true);
            return e164.substring(1) + " " + (prefix == null ? "" : prefix) + national;
        } catch (NumberParseException e) {
            return e164.replaceAll("\\D", "");
        }
    }
}
