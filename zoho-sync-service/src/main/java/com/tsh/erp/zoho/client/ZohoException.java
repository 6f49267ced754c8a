package com.tsh.erp.zoho.client;

import java.time.Duration;

/** How a Zoho call failed, which decides what happens to the record: try again later, or store the refusal. */
public abstract sealed class ZohoException extends RuntimeException {

    private final int httpStatus;

    ZohoException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** May pass: 5xx, 429, a timeout, the network. {@link #retryAfter} is Zoho's Retry-After when it gave one. */
    public static final class Transient extends ZohoException {
        private final Duration retryAfter;
        /** The request may have been carried out (a timeout or 5xx after sending): a create must look before it leaps. */
        private final boolean outcomeUnknown;

        public Transient(int httpStatus, String message) {
            this(httpStatus, message, null, false);
        }

        public Transient(int httpStatus, String message, Duration retryAfter, boolean outcomeUnknown) {
            super(httpStatus, message);
            this.retryAfter = retryAfter;
            this.outcomeUnknown = outcomeUnknown;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        public boolean outcomeUnknown() {
            return outcomeUnknown;
        }
    }

    /** Zoho refused the data ({code, message}); sending it again unchanged would be refused again. */
    public static final class Refused extends ZohoException {
        private final int code;
        private final String zohoMessage;

        public Refused(int httpStatus, int code, String zohoMessage) {
            super(httpStatus, "Zoho refused it (" + code + "): " + zohoMessage);
            this.code = code;
            this.zohoMessage = zohoMessage;
        }

        public int code() {
            return code;
        }

        public String zohoMessage() {
            return zohoMessage;
        }
    }
}
