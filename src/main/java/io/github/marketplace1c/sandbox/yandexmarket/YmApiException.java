package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Yandex Market error answer: HTTP status plus the spec's {@code ApiErrorResponse}
 * {@code {"status":"ERROR","errors":[{"code":"BAD_REQUEST","message":"..."}]}}.
 * {@code code} is a value of the spec's {@code ApiErrorCodeType} where one fits.
 */
public final class YmApiException extends RuntimeException {

    private final int status;
    private final String code;
    /** A body with several errors (unknown offers), or null for the one-error body. */
    private ObjectNode body;

    public YmApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Answers with this body (several {@code errors}) instead of the one-error one. */
    YmApiException withBody(ObjectNode body) {
        this.body = body;
        return this;
    }

    public ObjectNode body() {
        if (this.body != null) {
            return this.body.deepCopy();
        }
        ObjectNode body = YmJson.object();
        body.put("status", "ERROR");
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", code);
        error.put("message", getMessage());
        return body;
    }

    static YmApiException badRequest(String message) {
        return new YmApiException(400, "BAD_REQUEST", message);
    }

    static YmApiException unauthorized() {
        return new YmApiException(401, "UNAUTHORIZED", "Api-Key header is missing: pass the API key in the Api-Key header");
    }

    static YmApiException forbidden(String message) {
        return new YmApiException(403, "FORBIDDEN", message);
    }

    /**
     * 420 Enhance Your Calm. The code is Spring's name for HTTP 420, {@code METHOD_FAILURE}, which public clients
     * report seeing in Market's 420 bodies (the spec gives no example); clients should go by the HTTP status.
     */
    static YmApiException limited(String message) {
        return new YmApiException(420, "METHOD_FAILURE", message);
    }

    static YmApiException internal(int status) {
        return new YmApiException(status, "INTERNAL_ERROR", "Internal server error");
    }
}
