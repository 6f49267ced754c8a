package com.tsh.erp.defaults;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: the body of every error answer, as {@code application/problem+json}.
 * No stack traces and no class names, ever.
 *
 * @param type      a stable URI naming the kind of problem (clients switch on it)
 * @param title     a short human summary of the kind
 * @param status    the HTTP status
 * @param detail    what went wrong this time
 * @param instance  the path of the request
 * @param requestId the request id, to quote when reporting the problem
 * @param errors    one entry a field that was wrong, with the field's name as the client sent it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://tsh-erp.example/problems/";

    public record FieldError(String field, String message) {
    }
}
