package io.github.marketplace1c.failure;

/** Retrying cannot help (unmapped product, invalid payload, 1C rejected the document): straight to dead letters. */
public class PermanentFailure extends FlowFailure {

    public PermanentFailure(ReasonCode reason, String message) {
        super(reason, message, null);
    }

    public PermanentFailure(ReasonCode reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
