package com.tsh.erp.events;

/**
 * The names under which a request's correlation travels. The request id: the HTTP header and the
 * logging MDC key; the service defaults put it into the MDC for each request, the outbox copies it
 * into each event, consumers put it back into the MDC while they handle it, so one request id
 * follows a change through every service. The trace: OpenTelemetry's W3C {@code traceparent}, on
 * HTTP (handled by OpenTelemetry), in each event's envelope and as a header of each Kafka record
 * (the outbox); OpenTelemetry puts the trace and span ids into the MDC.
 */
public final class Correlation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The W3C trace context header (HTTP and Kafka records), and the envelope field of the same name. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** The request id's MDC key (and JSON log field); OpenTelemetry's are {@code traceId} and {@code spanId}. */
    public static final String REQUEST_ID = "requestId";

    private Correlation() {
    }
}
