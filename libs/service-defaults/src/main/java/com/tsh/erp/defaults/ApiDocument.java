package com.tsh.erp.defaults;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOpenAPI;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import java.util.List;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What every service's OpenAPI document ({@code /q/openapi}) shares: the {@link Problem} schema and
 * the problem+json error answers. An operation declares the errors it can really give with
 * {@code @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)}; {@link ApiDocumentFilter}
 * adds {@code 400}, {@code 404} and {@code 500} where they apply and the rules that make the
 * document match the wire.
 *
 * <p>The schema is written out here (SmallRye only scans types that resources use); the tests validate
 * every error answer against it, so it cannot drift from {@link Problem} unnoticed.
 */
public class ApiDocument implements OASModelReader {

    /** Names of the shared error answers, for {@code @APIResponse(ref = ...)}. */
    public static final String BAD_REQUEST = "BadRequest";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String GONE = "Gone";
    public static final String UNPROCESSABLE = "Unprocessable";
    public static final String TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED_TYPE = "UnsupportedMediaType";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    /** The security scheme's name: the gateway's access token as a bearer JWT. */
    public static final String BEARER = "bearer";

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Override
    public OpenAPI buildModel() {
        return createOpenAPI().components(createComponents()
                .addSchema(FIELD_ERROR, createSchema().addType(SchemaType.OBJECT)
                        .description("A field or parameter that was wrong")
                        .required(List.of("field", "message"))
                        .addProperty("field", string("The field as the client sent it: a JSON path such as "
                                + "`lines[2].quantity`, a query parameter, or `body` for the body as a whole"))
                        .addProperty("message", string("What is wrong with it")))
                .addSchema(PROBLEM, createSchema().addType(SchemaType.OBJECT)
                        .description("An RFC 9457 problem, the body of every error answer")
                        .required(List.of("type", "title", "status"))
                        .addProperty("type", string("A stable URI naming the kind of problem (clients switch on it), "
                                + "e.g. `" + Problem.TYPE_PREFIX + "stale-version`").format("uri"))
                        .addProperty("title", string("A short summary of the kind"))
                        .addProperty("status", createSchema().addType(SchemaType.INTEGER).format("int32")
                                .description("The HTTP status"))
                        .addProperty("detail", string("What went wrong this time"))
                        .addProperty("instance", string("The path of the request"))
                        .addProperty("request_id", string("The request id, to quote when reporting the problem"))
                        .addProperty("errors", createSchema().addType(SchemaType.ARRAY)
                                .description("One entry a field that was wrong")
                                .items(createSchema().ref(FIELD_ERROR))))
                .addResponse(BAD_REQUEST, problem("The request is malformed, or a field or parameter is invalid; "
                        + "`errors` names each one. Nothing was written"))
                .addResponse(NOT_FOUND, problem("Nothing with this id"))
                .addResponse(CONFLICT, problem("The request conflicts with the current state (a stale `version`, "
                        + "a duplicate); nothing was written"))
                .addResponse(GONE, problem("It existed but is gone for good (a job's file kept its time and deleted)"))
                .addResponse(UNPROCESSABLE, problem("Well-formed, but a field names something that does not exist "
                        + "or may not be used, or would take a figure (a balance, stock on hand) out of its range; "
                        + "`errors` names it. Nothing was written"))
                .addResponse(TOO_LARGE, problem("The body (an uploaded file) is larger than the route takes; nothing was"
                        + " written"))
                .addResponse(UNSUPPORTED_TYPE, problem("The body, or an uploaded file judged by its bytes, is not of a type"
                        + " the route takes; nothing was written"))
                .addResponse(UNAUTHORIZED, problem("No valid access token: missing, forged, expired, of another issuer "
                        + "or `alg: none`"))
                .addResponse(FORBIDDEN, problem("The token's roles may not call this route, or may not set a field "
                        + "of the request (`errors` names it: prices, credit limits, a discount above the cap)"))
                .addResponse(INTERNAL_ERROR, problem("The request could not be completed; quote `request_id` "
                        + "when reporting it"))
                .addResponse(UNAVAILABLE, problem("A server the service needs (its database) is unreachable or "
                        + "restarting; nothing was changed. Send the same request again after `Retry-After` seconds")
                        .addHeader("Retry-After", createHeader().description("Seconds to wait before retrying")
                                .schema(createSchema().addType(SchemaType.INTEGER).format("int32")))));
    }

    private static Schema string(String description) {
        return createSchema().addType(SchemaType.STRING).description(description);
    }

    private static APIResponse problem(String description) {
        return createAPIResponse().description(description).content(createContent()
                .addMediaType(Problem.MEDIA_TYPE, createMediaType().schema(createSchema().ref(PROBLEM))));
    }
}
