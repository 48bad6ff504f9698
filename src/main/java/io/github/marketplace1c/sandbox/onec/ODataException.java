package io.github.marketplace1c.sandbox.onec;

/**
 * An error the emulated base answers with: HTTP status plus the 1C OData error code (a string, "-1", "9", …) and
 * the Russian message, rendered by {@link ODataErrors}.
 */
public final class ODataException extends RuntimeException {

    private final int status;
    private final String code;

    public ODataException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
