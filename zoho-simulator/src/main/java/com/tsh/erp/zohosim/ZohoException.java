package com.tsh.erp.zohosim;

/**
 * An answer other than success, in Zoho's shape: HTTP status and {@code {"code": <int>, "message": <string>}},
 * with a {@code Retry-After} header for the limits.
 */
public class ZohoException extends RuntimeException {

    private final int status;
    private final int code;
    private final Integer retryAfterSeconds;
    private final String outcome;

    public ZohoException(int status, int code, String message) {
        this(status, code, message, null, null);
    }

    public ZohoException(int status, int code, String message, Integer retryAfterSeconds, String outcome) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.outcome = outcome;
    }

    /** Zoho's answer to a value it does not take: 400, code 2. */
    public static ZohoException invalid(String field) {
        return new ZohoException(400, 2, "Invalid value passed for " + field);
    }

    public static ZohoException invalid(String field, String why) {
        return new ZohoException(400, 2, "Invalid value passed for " + field + ": " + why);
    }

    public static ZohoException notFound(String what) {
        return new ZohoException(404, 1002, what + " does not exist.");
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The outcome {@code /sim/calls} records; null: derived from the status. */
    public String outcome() {
        return outcome;
    }
}
