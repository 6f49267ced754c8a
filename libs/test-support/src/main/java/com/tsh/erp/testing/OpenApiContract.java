package com.tsh.erp.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every request a test sends with REST Assured, and every answer, against the OpenAPI
 * document of the service that answers ({@code /q/openapi}, fetched once from the running test app),
 * with Atlassian's swagger-request-validator; so the document and the wire cannot drift apart.
 *
 * <ul>
 *   <li>An answer must match what the document declares for its operation and status: an undeclared
 *       status, a missing or undocumented field, a wrong type, a {@code null} where none is allowed,
 *       a value outside an enum or a wrong content type fails the test. Fields the document does not
 *       list are refused ({@code additionalProperties} is taken as false, the validator's default).</li>
 *   <li>A request must match the document, or be refused the way the document says it would be: tests
 *       send malformed and invalid requests on purpose (bad JSON, unknown fields, wrong types, values out
 *       of range) to check the 400 answers. Such a request passes when, and only when, it is answered
 *       400 (415 for a content type the operation does not take, 404 for a path the document does not
 *       have, 405 for a method it does not allow), or 401 or 403 (the caller is checked before the
 *       request is read); its answer is still checked. A request the document
 *       calls invalid that the service accepts fails the test: the two disagree.</li>
 *   <li>Query parameters the document does not list are an error (the validator ignores them unless told).</li>
 *   <li>Quarkus's own endpoints under {@code /q/} (health, metrics, the document itself) are not part of
 *       the API document and are not checked.</li>
 * </ul>
 *
 * Installed for every {@code @QuarkusTest} of a module by {@link OpenApiContractCallback}.
 */
public final class OpenApiContract implements Filter {

    /** The one instance: {@link #install()} adds it to REST Assured's default filters once. */
    public static final OpenApiContract FILTER = new OpenApiContract();

    private static final String DOCUMENT = "/q/openapi?format=json";
    private static final Map<String, Integer> REFUSALS = Map.of(
            "validation.request.path.missing", 404,
            "validation.request.operation.notAllowed", 405,
            "validation.request.contentType.notAllowed", 415,
            // an operation the document says needs a bearer token, called without one (the gateway's)
            "validation.request.security.missing", 401);

    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private OpenApiContract() {
    }

    /** Adds the filter to every REST Assured request of this class loader (idempotent). */
    public static void install() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Response response = ctx.next(requestSpec, responseSpec);
        URI uri = URI.create(requestSpec.getURI());
        if (uri.getPath() == null || uri.getPath().startsWith("/q/")) {
            return response;
        }
        OpenApiInteractionValidator validator = validators.computeIfAbsent(origin(uri), this::validatorFor);
        Request request = multipart(RestAssuredRequest.of(requestSpec), requestSpec);
        ValidationReport requestReport = validator.validateRequest(request);
        int status = response.statusCode();
        StringBuilder failures = new StringBuilder();
        boolean operationKnown = true;
        if (requestReport.hasErrors()) {
            int expected = expectedRefusal(requestReport);
            operationKnown = expected != 404 && expected != 405;
            // the caller is checked before the request is read: a refused caller (401, 403) never reaches the 400
            boolean callerRefused = expected == 400 && (status == 401 || status == 403);
            if (status != expected && !callerRefused) {
                failures.append("\nthe document calls the request invalid (so it should be answered ").append(expected)
                        .append("), but the service answered ").append(status).append(":\n")
                        .append(SimpleValidationReportFormat.getInstance().apply(requestReport));
            }
        }
        if (operationKnown) {
            ValidationReport responseReport = validator.validateResponse(request.getPath(), request.getMethod(),
                    RestAssuredResponse.of(response));
            if (responseReport.hasErrors()) {
                failures.append("\nthe answer (").append(status).append(") does not match the document:\n")
                        .append(SimpleValidationReportFormat.getInstance().apply(responseReport))
                        .append("\nanswer body: ").append(response.asString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " and the service's OpenAPI document (" + origin(uri) + DOCUMENT + ") disagree:" + failures);
        }
        return response;
    }

    /**
     * REST Assured keeps the parts of a multipart request (an upload) apart from its body, so the validator would see
     * no body at all; it does not validate multipart bodies, but it checks that one is there. The request is copied
     * with a body standing for its parts.
     */
    private static Request multipart(Request request, FilterableRequestSpecification spec) {
        if (spec.getMultiPartParams() == null || spec.getMultiPartParams().isEmpty()) {
            return request;
        }
        SimpleRequest.Builder copy = new SimpleRequest.Builder(request.getMethod(), request.getPath());
        request.getHeaders().forEach((name, values) -> copy.withHeader(name, List.copyOf(values)));
        request.getQueryParameters().forEach(name -> copy.withQueryParam(name, List.copyOf(request.getQueryParameterValues(name))));
        return copy.withBody("(" + spec.getMultiPartParams().size() + " multipart parts)").build();
    }

    /** The status a request the document calls invalid must be answered with. */
    private static int expectedRefusal(ValidationReport report) {
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR && REFUSALS.containsKey(m.getKey())) {
                return REFUSALS.get(m.getKey());
            }
        }
        return 400;
    }

    private OpenApiInteractionValidator validatorFor(String origin) {
        String document;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(origin + DOCUMENT))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + origin + DOCUMENT + " answered " + answer.statusCode());
            }
            document = answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the OpenAPI document at " + origin + DOCUMENT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // the validator's default ignores query parameters the document does not list
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
