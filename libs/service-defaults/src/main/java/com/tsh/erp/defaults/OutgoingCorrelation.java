package com.tsh.erp.defaults;

import com.tsh.erp.events.Correlation;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/** Passes the current request id and trace context on to every REST client call. */
@Provider
public class OutgoingCorrelation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        copy(request, Correlation.REQUEST_ID, Correlation.REQUEST_ID_HEADER);
        copy(request, Correlation.TRACEPARENT, Correlation.TRACEPARENT_HEADER);
    }

    private static void copy(ClientRequestContext request, String mdcKey, String header) {
        Object value = MDC.get(mdcKey);
        if (value != null && !request.getHeaders().containsKey(header)) {
            request.getHeaders().putSingle(header, value.toString());
        }
    }
}
