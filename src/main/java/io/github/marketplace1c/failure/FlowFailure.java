package io.github.marketplace1c.failure;

/** A failure of one record or one poll, with the reason code its dead letter will carry. */
public abstract class FlowFailure extends RuntimeException {

    private final ReasonCode reason;

    protected FlowFailure(ReasonCode reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }
}
