package io.github.marketplace1c.sandbox.wildberries;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A Wildberries error answer. WB has two error bodies, and which one a client gets depends on who refused:
 * <ul>
 * <li>the API gateway (auth 401, rate limit 429, unknown path 404, 5xx): the problem shape
 * {@code {"title","detail","code","requestId","origin","status","statusText","timestamp"}};</li>
 * <li>the Marketplace service itself (400, 403, 404, 409 on a known operation):
 * {@code {"code":"IncorrectParameter","message":"...","data":null}}.</li>
 * <li>the Prices and Discounts service ({@code discounts-prices-api}): {@code {"data":null,"error":true,"errorText":"..."}}.</li>
 * </ul>
 * The service bodies go out as {@code application/json}; the gateway body as {@code application/json} on the orders
 * operations (what 03-orders-fbs.yaml declares) and {@code application/problem+json} on stocks and prices (02-items.yaml).
 */
public final class WildberriesApiException extends RuntimeException {

    /** Which of WB's two bodies the answer carries. */
    public enum Shape { GATEWAY, MARKETPLACE, PRICES, FINANCE }

    private final int status;
    private final Shape shape;
    /** Gateway: {@code title}; marketplace: {@code code} (e.g. IncorrectParameter). */
    private final String name;

    private WildberriesApiException(int status, Shape shape, String name, String message) {
        super(message, null, false, false);
        this.status = status;
        this.shape = shape;
        this.name = name;
    }

    public int status() {
        return status;
    }

    public Shape shape() {
        return shape;
    }

    /** The body; the gateway shape needs the request id and the emulator's time. */
    public ObjectNode body(String requestId, Instant now) {
        ObjectNode body = WildberriesJson.object();
        if (shape == Shape.PRICES) {
            body.putNull("data");
            body.put("error", true);
            body.put("errorText", getMessage());
            return body;
        }
        if (shape == Shape.MARKETPLACE) {
            body.put("code", name);
            body.put("message", getMessage());
            body.putNull("data");
            return body;
        }
        if (shape == Shape.FINANCE) {
            // finance-api's own 400 (13-finances.yaml): status, title, detail, requestId, origin only
            body.put("status", status);
            body.put("title", name);
            body.put("detail", getMessage());
            body.put("requestId", requestId);
            body.put("origin", "open-api-finreports");
            return body;
        }
        body.put("title", name);
        body.put("detail", getMessage());
        // an opaque internal code at WB; clients must not parse it
        body.put("code", "07e4668e-" + requestId.substring(0, 12) + "-[mp1c-sandbox]");
        body.put("requestId", requestId);
        body.put("origin", status >= 500 ? "marketplace-api" : "s2s-api-auth-catalog");
        body.put("status", status);
        body.put("statusText", statusText(status));
        body.put("timestamp", WildberriesJson.format(now));
        return body;
    }

    static WildberriesApiException incorrectParameter(String message) {
        return new WildberriesApiException(400, Shape.MARKETPLACE, "IncorrectParameter", message);
    }

    static WildberriesApiException incorrectRequestBody(String message) {
        return new WildberriesApiException(400, Shape.MARKETPLACE, "IncorrectRequestBody", message);
    }

    static WildberriesApiException notFound(String message) {
        return new WildberriesApiException(404, Shape.MARKETPLACE, "NotFound", message);
    }

    /** A Marketplace-service 400 with its own code, e.g. {@code SKUUploadDisabled}. */
    static WildberriesApiException badRequest(String code, String message) {
        return new WildberriesApiException(400, Shape.MARKETPLACE, code, message);
    }

    /** finance-api's 400: the problem shape with the decoder's own title. */
    static WildberriesApiException financeBadRequest(String detail) {
        return new WildberriesApiException(400, Shape.FINANCE, "GetReportDetail decode error", detail);
    }

    /** The Prices and Discounts service's 400 {@code {"data":null,"error":true,"errorText":...}}. */
    static WildberriesApiException pricesBadRequest(String errorText) {
        return new WildberriesApiException(400, Shape.PRICES, "", errorText);
    }

    static WildberriesApiException accessDenied(String message) {
        return new WildberriesApiException(403, Shape.MARKETPLACE, "AccessDenied", message);
    }

    static WildberriesApiException unauthorized(String detail) {
        return new WildberriesApiException(401, Shape.GATEWAY, "unauthorized", detail);
    }

    static WildberriesApiException tooManyRequests(String detail) {
        return new WildberriesApiException(429, Shape.GATEWAY, "too many requests", detail);
    }

    /** WB's answer to a path it does not serve, word for word from the API introduction. */
    static WildberriesApiException pathNotFound() {
        return new WildberriesApiException(404, Shape.GATEWAY, "path not found",
                "Please consult the https://dev.wildberries.ru/openapi/api-information");
    }

    static WildberriesApiException internal(int status) {
        return new WildberriesApiException(status, Shape.GATEWAY, "internal server error",
                "Service is unavailable. Retry the request later or contact WB technical support");
    }

    static String statusText(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }
}
