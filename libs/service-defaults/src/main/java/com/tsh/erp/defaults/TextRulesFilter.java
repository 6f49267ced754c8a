package com.tsh.erp.defaults;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@link TextRules} for what arrives outside the body: each query parameter (named in the
 * answer) and the path, checked decoded, before any resource runs. Bodies are checked as they
 * are read ({@link StrictJson}).
 */
public class TextRulesFilter {

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        if (!mayHideAControl(uri.getRawPath()) && !mayHideAControl(uri.getRawQuery())) {
            return null; // the common case, decided on the raw text without decoding anything
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String problem = TextRules.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem != null ? problem : TextRules.problem(value);
            }
            if (problem != null) {
                return refuse(parameter.getKey(), problem, request);
            }
        }
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            String problem = TextRules.problem(segment.getPath());
            if (problem != null) {
                return refuse("path", problem, request);
            }
        }
        return null;
    }

    /**
     * Whether raw (still percent-encoded) URI text can decode to something {@link TextRules}
     * refuses: a control character arrives only as {@code %00}..{@code %1F} or {@code %7F} (raw ones
     * never pass the HTTP parser), and a surrogate cannot be percent-encoded validly in UTF-8 (the
     * decoder makes it U+FFFD).
     */
    static boolean mayHideAControl(String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = raw.indexOf('%'); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
            char hi = raw.charAt(i + 1);
            char lo = raw.charAt(i + 2);
            if (hi == '0' || hi == '1' || (hi == '7' && (lo == 'f' || lo == 'F'))) {
                return true;
            }
        }
        return false;
    }

    private static Response refuse(String field, String problem, ContainerRequestContext request) {
        String name = TextRules.problem(field) == null ? field : "query";
        return ProblemMappers.problem(400, "invalid-parameter", "Invalid request", name + ": " + problem,
                List.of(new Problem.FieldError(name, problem)), request.getUriInfo());
    }
}
