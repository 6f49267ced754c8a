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

    private static Response refuse(String field, String problem, ContainerRequestContext request) {
        String name = TextRules.problem(field) == null ? field : "query";
        return ProblemMappers.problem(400, "invalid-parameter", "Invalid request", name + ": " + problem,
                List.of(new Problem.FieldError(name, problem)), request.getUriInfo());
    }
}
