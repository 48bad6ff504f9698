package io.github.marketplace1c.failure;

/** Why a record became a dead letter. Integrators filter and replay by these codes; keep them stable. */
public enum ReasonCode {
    /** The marketplace product has no row in the product map. Fix: add the mapping; its dead letters replay. */
    UNMAPPED_PRODUCT,
    /** The marketplace warehouse has no row in the warehouse map and the account has no default warehouse. */
    UNMAPPED_WAREHOUSE,
    /** A marketplace service kind has no row in the service map; the report waits. Fix: add it; the report replays. */
    UNMAPPED_SERVICE,
    /** A report's lines do not add up to the marketplace's own totals (beyond the tolerance); nothing was written. */
    RECONCILIATION_MISMATCH,
    /**
     * The VAT rate the marketplace states for a line (Yandex Market item {@code vat}) is not the rate 1C gives the item
     * (its own, or the organization's regime); nothing was written. The message names both. Fix: correct the rate in
     * 1C or at the marketplace, then replay.
     */
    VAT_MISMATCH,
    /** The marketplace sent a record we cannot read (a missing or malformed field, named in the message). */
    INVALID_PAYLOAD,
    /**
     * The record's money is in a currency other than roubles (the message names it: KZT, 933, ...) and no rule the
     * marketplace documents converts it; nothing was booked. Fix: load it by hand into a contract in that currency,
     * then discard the dead letter with a note; a replay fails the same way.
     */
    UNSUPPORTED_CURRENCY,
    /** 1C refused the document (its own message is kept). */
    ONEC_REJECTED,
    /** 1C did not answer or answered with a transient error after every retry. */
    ONEC_UNAVAILABLE,
    /** The marketplace API did not answer or kept failing after every retry (rate limits included). */
    MARKETPLACE_UNAVAILABLE,
    /** The marketplace refused one item of a batch (its own code and message are kept); the rest went through. */
    MARKETPLACE_REJECTED,
    /** The marketplace refused the account's credentials (wrong, expired or missing key). */
    AUTH_FAILED,
    /** Another run (another instance, or one that stopped) holds the record; replay it once its claim expires. */
    CLAIMED_ELSEWHERE,
    /** Our request or the account's configuration is wrong (a missing setting, a refused parameter). */
    CONFIGURATION,
    /** Anything else: a defect on our side. The message says what happened. */
    UNEXPECTED_ERROR
}
