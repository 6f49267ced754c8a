package com.tsh.erp.events;

/**
 * The names under which a request's correlation travels: the HTTP header, the logging MDC key
 * and the Kafka record header. The service defaults put them into the MDC for each request; the
 * outbox copies them into each event; consumers put them back into the MDC while they handle it,
 * so one request id follows a change through every service.
 */
public final class Correlation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** MDC keys (and JSON log fields). */
    public static final String REQUEST_ID = "requestId";
    public static final String TRACEPARENT = "traceparent";

    private Correlation() {
    }
}
