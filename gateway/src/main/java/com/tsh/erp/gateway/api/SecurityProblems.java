package com.tsh.erp.gateway.api;

import com.tsh.erp.defaults.Problem;
import com.tsh.erp.events.Correlation;
import com.tsh.erp.gateway.service.LoginThrottle;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401, 403 and 429 as problem+json like every other refusal. A missing, forged, expired, wrong-issuer or
 * {@code alg: none} token is one 401 ({@code invalid-token}) that does not say which: smallrye-jwt refuses all of
 * them, and with {@code quarkus.http.auth.proactive=false} its failure reaches these mappers.
 */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return bearer(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return bearer(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(Response.status(403), 403, "forbidden", "Forbidden", "your roles do not allow this", uri);
    }

    @ServerExceptionMapper
    public Response locked(LoginThrottle.Locked e, UriInfo uri) {
        return problem(Response.status(429).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()), 429, "too-many-attempts",
                "Too many attempts", e.getMessage(), uri);
    }

    private static Response bearer(UriInfo uri) {
        return problem(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), 401, "invalid-token", "Unauthorized",
                "send a valid access token: Authorization: Bearer <access_token>", uri);
    }

    private static Response problem(Response.ResponseBuilder b, int status, String kind, String title, String detail, UriInfo uri) {
        Object requestId = MDC.get(Correlation.REQUEST_ID);
        return b.type(Problem.MEDIA_TYPE).entity(new Problem(Problem.TYPE_PREFIX + kind, title, status, detail, uri.getPath(),
                requestId == null ? null : requestId.toString(), null)).build();
    }
}
