package com.tsh.erp.defaults;

import com.tsh.erp.events.Correlation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/**
 * Passes the current request id on to every REST client call. The trace context travels by
 * OpenTelemetry's REST client instrumentation ({@code traceparent}), not here.
 */
@Provider
public class OutgoingCorrelation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        Object requestId = MDC.get(Correlation.REQUEST_ID);
        if (requestId != null && !request.getHeaders().containsKey(Correlation.REQUEST_ID_HEADER)) {
            request.getHeaders().putSingle(Correlation.REQUEST_ID_HEADER, requestId.toString());
        }
    }
}
