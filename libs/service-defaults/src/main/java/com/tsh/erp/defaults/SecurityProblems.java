package com.tsh.erp.defaults;

import com.tsh.erp.events.Correlation;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json like every other refusal. A missing, forged, expired, wrong-issuer or
 * {@code alg: none} token is one 401 ({@code invalid-token}) that does not say which: smallrye-jwt refuses all of
 * them, and with {@code quarkus.http.auth.proactive=false} its failure reaches these mappers. A role the route does
 * not allow is 403 {@code forbidden}; a field only some roles may set is 403 naming the field
 * ({@link ApiException#forbiddenField}).
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
