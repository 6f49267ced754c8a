package com.tsh.erp.zohosim;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zoho Accounts' token endpoint, refresh grant only. The parameters may come as a form body or in the query
 * string (Zoho's own examples put them in the query). Not counted against the API limits; logged in
 * {@code /sim/calls} under its path.
 */
@Path("/oauth/v2/token")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    @Inject
    Tokens tokens;
    @Inject
    SimSettings settings;
    @Inject
    CallLog log;
    @Context
    UriInfo uri;

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response token(MultivaluedMap<String, String> form) {
        long now = System.currentTimeMillis();
        MultivaluedMap<String, String> p = new MultivaluedHashMap<>(uri.getQueryParameters());
        if (form != null) {
            form.forEach((k, v) -> p.put(k, v));
        }
        String token = tokens.refresh(p.getFirst("grant_type"), p.getFirst("client_id"), p.getFirst("client_secret"),
                p.getFirst("refresh_token"), now);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        if (token == null) {
            status = 400;
            body.put("error", "invalid_code");
        } else {
            status = 200;
            body.put("access_token", token);
            body.put("api_domain", uri.getBaseUri().toString().replaceAll("/$", ""));
            body.put("token_type", "Bearer");
            body.put("expires_in", settings.tokenTtl().toSeconds());
        }
        // the query is not logged: it may hold the client secret and the refresh token
        log.add(now, "POST", "/oauth/v2/token", "", status, status == 200 ? "ok" : "invalid");
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiGate.write(body)).build();
    }
}
