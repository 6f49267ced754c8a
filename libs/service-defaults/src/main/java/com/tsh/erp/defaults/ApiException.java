package com.tsh.erp.defaults;

import java.util.List;

/**
 * A failure the client can understand and act on; answered as a problem+json with its status.
 * Services throw these from their rules (not found, conflict, unprocessable) instead of writing
 * responses by hand.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    /** The request conflicts with the current state (a duplicate, a stale version). */
    public static ApiException conflict(String kind, String detail) {
        return new ApiException(409, kind, "Conflict", detail, null);
    }

    /**
     * The request is well-formed but a field names something that does not exist or may not be used,
     * or would take a figure (a balance, stock on hand) out of its range.
     */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "unprocessable", "Unprocessable request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A field of the request is invalid. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A field only some roles may set (prices, credit limits, a discount above the cap): 403 naming it. */
    public static ApiException forbiddenField(String field, String message) {
        return new ApiException(403, "forbidden-field", "Forbidden", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
