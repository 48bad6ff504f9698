package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's FBS postings, per seller account (Client-Id). Postings are kept in the v4 list shape with every
 * optional block filled (analytics_data, financial_data, barcodes, legal_info); the endpoints cut them down to
 * what a request asks for. Everything handed out is a deep copy, so callers can't change the store behind its lock.
 */
public final class OzonPostings {

    /** One stored posting. {@code id} is Ozon's internal posting id, the tie-breaker of the v4 cursor order. */
    record Entry(long id, String clientId, ObjectNode posting, Instant statusChangedAt) {

        Instant inProcessAt() {
            return OzonJson.parse(posting.path("in_process_at").asText());
        }

        Instant shipmentDate() {
            String text = posting.path("shipment_date").asText("");
            return text.isEmpty() ? inProcessAt() : OzonJson.parse(text);
        }
    }

    static final Comparator<Entry> BY_IN_PROCESS_AT =
            Comparator.comparing(Entry::inProcessAt).thenComparingLong(Entry::id);

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(1_000_000_000L);
    private final Map<String, Entry> byNumber = new LinkedHashMap<>();

    public OzonPostings(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) a posting; its status counts as changed now. */
    public void add(String clientId, ObjectNode posting) {
        add(clientId, posting, clock.instant());
    }

    /** Adds (or replaces) a posting whose status last changed at the given time (the seed uses this). */
    public synchronized void add(String clientId, ObjectNode posting, Instant statusChangedAt) {
        String number = posting.path("posting_number").asText("");
        if (number.isEmpty() || !posting.path("in_process_at").isTextual()) {
            throw new IllegalArgumentException("a posting needs posting_number and in_process_at");
        }
        Entry previous = byNumber.get(number);
        long id = previous != null ? previous.id() : ids.incrementAndGet();
        byNumber.put(number, new Entry(id, clientId, posting.deepCopy(), statusChangedAt));
    }

    /**
     * Cancels a posting as Ozon shows it afterwards: status {@code cancelled}, substatus {@code posting_canceled},
     * the {@code cancellation} block filled from the initiator ({@code Покупатель}, {@code Продавец}, {@code Ozon}, ...).
     */
    public synchronized void cancel(String postingNumber, String initiator) {
        Entry entry = require(postingNumber);
        ObjectNode posting = entry.posting().deepCopy();
        boolean afterShip = !List.of("awaiting_packaging", "awaiting_approve", "awaiting_registration",
                "acceptance_in_progress").contains(posting.path("status").asText());
        posting.put("status", "cancelled");
        posting.put("substatus", OzonStatuses.substatusOf("cancelled"));
        posting.set("cancellation", OzonStatuses.cancellation(initiator, afterShip));
        posting.putArray("available_actions");
        byNumber.put(postingNumber, new Entry(entry.id(), entry.clientId(), posting, clock.instant()));
    }

    /** Moves a posting to another status (and its usual substatus); the status-change time becomes now. */
    public synchronized void setStatus(String postingNumber, String status) {
        Entry entry = require(postingNumber);
        ObjectNode posting = entry.posting().deepCopy();
        posting.put("status", status);
        posting.put("substatus", OzonStatuses.substatusOf(status));
        posting.set("available_actions", OzonStatuses.availableActions(status));
        byNumber.put(postingNumber, new Entry(entry.id(), entry.clientId(), posting, clock.instant()));
    }

    public synchronized Optional<ObjectNode> get(String postingNumber) {
        Entry entry = byNumber.get(postingNumber);
        return entry == null ? Optional.empty() : Optional.of(entry.posting().deepCopy());
    }

    /** When the posting's status last changed (not a response field: it backs {@code last_changed_status_date}). */
    public synchronized Optional<Instant> statusChangedAt(String postingNumber) {
        return Optional.ofNullable(byNumber.get(postingNumber)).map(Entry::statusChangedAt);
    }

    /** The account's postings in Ozon's list order (in_process_at, then posting id). */
    public List<ObjectNode> all(String clientId) {
        return entries(clientId).stream().map(e -> e.posting().deepCopy()).toList();
    }

    public synchronized void clear() {
        byNumber.clear();
    }

    /** Snapshot of one account's entries in list order; the entries' postings are copies. */
    synchronized List<Entry> entries(String clientId) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : byNumber.values()) {
            if (e.clientId().equals(clientId)) {
                result.add(new Entry(e.id(), e.clientId(), e.posting().deepCopy(), e.statusChangedAt()));
            }
        }
        result.sort(BY_IN_PROCESS_AT);
        return result;
    }

    synchronized Optional<Entry> entry(String clientId, String postingNumber) {
        Entry e = byNumber.get(postingNumber);
        if (e == null || !e.clientId().equals(clientId)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(e.id(), e.clientId(), e.posting().deepCopy(), e.statusChangedAt()));
    }

    private Entry require(String postingNumber) {
        Entry entry = byNumber.get(postingNumber);
        if (entry == null) {
            throw new NoSuchElementException("no posting " + postingNumber);
        }
        return entry;
    }
}
