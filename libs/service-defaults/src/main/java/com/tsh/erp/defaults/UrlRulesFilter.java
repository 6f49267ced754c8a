package com.tsh.erp.defaults;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Three rules for the URL, applied before anything reads it.
 *
 * <ul>
 *   <li>A {@code ;} in the path is refused (400 naming {@code path}): JAX-RS would read
 *       {@code /products/123;x} as product 123 with a matrix parameter, which no endpoint here has,
 *       so the request would be served as if the rest were not there.</li>
 *   <li>A raw {@code ;} is data, not a parameter separator. The HTTP layer's decoder (Netty's) splits
 *       on {@code ;} as well as {@code &} (an old HTML 4 suggestion), so {@code q=foo;bar} searched for
 *       {@code foo}, and {@code q=x;page=abc} set a second parameter no check saw. Each raw {@code ;}
 *       is re-encoded as {@code %3B}, so only {@code &} separates parameters.</li>
 *   <li>A parameter given without a value ({@code ids=}, {@code page}) is 400 naming it, as the OpenAPI
 *       documents say (no parameter allows an empty value). The REST layer would take it as absent,
 *       so {@code ids=} listed 25 unrelated products instead of none: a client that has no value for a
 *       parameter leaves the parameter out.</li>
 * </ul>
 * Requests without a {@code ;} or an empty value (nearly all) cost one scan of the raw text.
 */
public class UrlRulesFilter {

    /** Before {@link TextRulesFilter} and everything else that reads parameters. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 500)
    public Response check(ContainerRequestContext request, HttpServerRequest sent) {
        String target = sent.uri(); // as sent: the REST layer's URI has matrix parameters taken out of the path
        int queryStart = target.indexOf('?');
        int semicolon = target.indexOf(';');
        if (semicolon >= 0 && (queryStart < 0 || semicolon < queryStart)) {
            return ProblemMappers.problem(400, "invalid-parameter", "Invalid request", "path: ';' is not allowed in a path",
                    List.of(new Problem.FieldError("path", "';' is not allowed in a path")), request.getUriInfo());
        }
        if (queryStart < 0) {
            return null; // most requests end here, without a URI object made
        }
        String query = target.substring(queryStart + 1);
        String empty = firstWithoutValue(query);
        if (empty != null) {
            String name;
            try {
                name = URLDecoder.decode(empty, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException brokenEscape) {
                name = "";
            }
            String field = TextRules.problem(name) == null && !name.isEmpty() ? name : "query";
            return ProblemMappers.problem(400, "invalid-parameter", "Invalid request", field + ": has no value (leave the parameter out instead)",
                    List.of(new Problem.FieldError(field, "has no value (leave the parameter out instead)")), request.getUriInfo());
        }
        if (query.indexOf(';') >= 0) {
            URI uri = request.getUriInfo().getRequestUri();
            String raw = uri.toString();
            int start = raw.indexOf('?') + 1;
            int end = uri.getRawFragment() == null ? raw.length() : raw.lastIndexOf('#');
            request.setRequestUri(URI.create(raw.substring(0, start) + raw.substring(start, end).replace(";", "%3B") + raw.substring(end)));
        }
        return null;
    }

    /** The raw name of the first {@code &}-separated parameter that has no value, or null. */
    static String firstWithoutValue(String rawQuery) {
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) { // "a&&b" has an empty pair: nothing was sent there, it names nothing
                int equals = rawQuery.indexOf('=', start);
                if (equals < 0 || equals >= end - 1) {
                    return rawQuery.substring(start, equals < 0 || equals >= end ? end : equals);
                }
            }
            start = end + 1;
        }
        return null;
    }
}
