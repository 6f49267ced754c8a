package com.tsh.erp.gateway.api;

import com.tsh.erp.defaults.Problem;
import com.tsh.erp.events.Correlation;
import com.tsh.erp.gateway.service.LoginThrottle;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 429 for a locked name or address as problem+json. (401 and 403 are libs/service-defaults' SecurityProblems, the
 * same for the gateway as for every service.)
 */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response locked(LoginThrottle.Locked e, UriInfo uri) {
        Object requestId = MDC.get(Correlation.REQUEST_ID);
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "too-many-attempts", "Too many attempts", 429, e.getMessage(), uri.getPath(),
                        requestId == null ? null : requestId.toString(), null)).build();
    }
}
