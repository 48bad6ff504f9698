package io.github.marketplace1c.flow;

/** Exchange properties a flow carries from step to step (properties survive error handling; headers do not). */
public final class FlowProperties {

    public static final String ACCOUNT = "mp1cAccount";
    public static final String MARKETPLACE = "mp1cMarketplace";
    public static final String FLOW = "mp1cFlow";
    public static final String TRIGGER = "mp1cTrigger";
    public static final String RUN_ID = "mp1cRunId";
    /** {@code poll} while fetching pages, {@code record} while one record is processed. */
    public static final String STAGE = "mp1cStage";
    public static final String RECORD_KEY = "mp1cRecordKey";
    public static final String CLAIM_KEY = "mp1cClaimKey";
    public static final String PAYLOAD = "mp1cPayload";
    public static final String REPLAY_TARGET = "mp1cReplayTarget";
    public static final String ORDER = "mp1cOrder";
    public static final String SKIP_REASON = "mp1cSkipReason";
    public static final String ONEC_OUTCOME = "mp1cOnecOutcome";
    /** DONE, SKIPPED or DEAD_LETTER once the record is through: replays read it. */
    public static final String OUTCOME = "mp1cOutcome";
    public static final String CURSOR = "mp1cCursor";
    public static final String HAS_NEXT = "mp1cHasNext";
    public static final String WINDOW = "mp1cWindow";
    public static final String REPLAY_OF = "mp1cReplayOf";
    /** A batch of a bulk flow stands for this many items (its dead letter counts them all). */
    public static final String ITEM_COUNT = "mp1cItemCount";

    public static final String STAGE_POLL = "poll";
    public static final String STAGE_RECORD = "record";

    private FlowProperties() {
    }
}
