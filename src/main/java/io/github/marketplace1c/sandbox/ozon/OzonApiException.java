package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Ozon error answer: HTTP status plus the {@code rpcStatus} body {@code {"code":int,"message":..,"details":[]}}.
 * {@code code} is the gRPC status number Ozon's gateway puts there (3 INVALID_ARGUMENT, 5 NOT_FOUND,
 * 8 RESOURCE_EXHAUSTED, 13 INTERNAL, 16 UNAUTHENTICATED).
 */
public final class OzonApiException extends RuntimeException {

    private final int status;
    private final int code;

    public OzonApiException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public ObjectNode body() {
        ObjectNode body = OzonJson.object();
        body.put("code", code);
        body.put("message", getMessage());
        body.putArray("details");
        return body;
    }

    static OzonApiException invalidArgument(String message) {
        return new OzonApiException(400, 3, message);
    }

    static OzonApiException rateLimited() {
        return new OzonApiException(429, 8, "You have reached request rate limit per second");
    }

    static OzonApiException internal(int status) {
        return new OzonApiException(status, 13, "Internal error");
    }
}
