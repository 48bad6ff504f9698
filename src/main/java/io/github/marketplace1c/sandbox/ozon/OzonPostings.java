package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

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

    /** An entry's place in the v4 list order: exactly what {@link PostingCursor} carries (osp.in_process_at, osp.id). */
    record ListKey(long inProcessAtSecond, long id) implements Comparable<ListKey> {

        static ListKey of(Entry e) {
            return new ListKey(e.inProcessAt().getEpochSecond(), e.id());
        }

        long[] cursor() {
            return new long[]{inProcessAtSecond, id};
        }

        @Override
        public int compareTo(ListKey other) {
            int bySecond = Long.compare(inProcessAtSecond, other.inProcessAtSecond);
            return bySecond != 0 ? bySecond : Long.compare(id, other.id);
        }
    }

    static final Comparator<Entry> BY_IN_PROCESS_AT =
            Comparator.comparing(Entry::inProcessAt).thenComparingLong(Entry::id);

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(1_000_000_000L);
    private final Map<String, Entry> byNumber = new LinkedHashMap<>();
    /**
     * Per account, the entries in the v4 list order, keyed by the cursor's own key (in_process_at's second, then
     * posting id): a page resumes after its cursor with a tree look-up and reads only its own postings, instead of
     * sorting and copying the whole account per page. Kept in step with every add, cancel and status change.
     */
    private final Map<String, NavigableMap<ListKey, Entry>> listOrder = new HashMap<>();

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
        put(number, new Entry(id, clientId, posting.deepCopy(), statusChangedAt));
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
        put(postingNumber, new Entry(entry.id(), entry.clientId(), posting, clock.instant()));
    }

    /** Moves a posting to another status (and its usual substatus); the status-change time becomes now. */
    public synchronized void setStatus(String postingNumber, String status) {
        Entry entry = require(postingNumber);
        ObjectNode posting = entry.posting().deepCopy();
        posting.put("status", status);
        posting.put("substatus", OzonStatuses.substatusOf(status));
        posting.set("available_actions", OzonStatuses.availableActions(status));
        put(postingNumber, new Entry(entry.id(), entry.clientId(), posting, clock.instant()));
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
        listOrder.clear();
    }

    /**
     * One page of the v4 list: up to {@code max} entries of the account in list order ({@code ascending}) or its
     * reverse, strictly after {@code after} (a cursor's key; null = from the start), with {@code since <=
     * in_process_at <= to}, that {@code matches}. Only the entries tested are read and only the ones returned are
     * copied. The predicate runs under the store's lock and must not change the posting it is given.
     */
    synchronized List<Entry> listPage(String clientId, Instant since, Instant to, long[] after, boolean ascending,
                                      Predicate<Entry> matches, int max) {
        NavigableMap<ListKey, Entry> all = listOrder.getOrDefault(clientId, new TreeMap<>());
        // the period's seconds bound the look-up (the exact instants are tested below); the cursor narrows the
        // bound on its side, whatever period it was minted for
        ListKey low = new ListKey(since.getEpochSecond(), Long.MIN_VALUE);
        ListKey high = new ListKey(to.getEpochSecond(), Long.MAX_VALUE);
        boolean lowInclusive = true;
        boolean highInclusive = true;
        ListKey cursor = after == null ? null : new ListKey(after[0], after[1]);
        if (cursor != null && ascending && cursor.compareTo(low) >= 0) {
            low = cursor;
            lowInclusive = false;
        } else if (cursor != null && !ascending && cursor.compareTo(high) <= 0) {
            high = cursor;
            highInclusive = false;
        }
        if (low.compareTo(high) > 0) {
            return List.of();
        }
        NavigableMap<ListKey, Entry> period = all.subMap(low, lowInclusive, high, highInclusive);
        NavigableMap<ListKey, Entry> view = ascending ? period : period.descendingMap();
        List<Entry> page = new ArrayList<>();
        for (Entry e : view.values()) {
            if (page.size() == max) {
                break;
            }
            Instant at = e.inProcessAt();
            if (!at.isBefore(since) && !at.isAfter(to) && matches.test(e)) {
                page.add(new Entry(e.id(), e.clientId(), e.posting().deepCopy(), e.statusChangedAt()));
            }
        }
        return page;
    }

    /**
     * The account's entries that {@code matches}, in list order; only the matches are copied (the predicate runs
     * under the store's lock and must not change the posting it is given).
     */
    synchronized List<Entry> matching(String clientId, Predicate<Entry> matches) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : listOrder.getOrDefault(clientId, new TreeMap<>()).values()) {
            if (matches.test(e)) {
                result.add(new Entry(e.id(), e.clientId(), e.posting().deepCopy(), e.statusChangedAt()));
            }
        }
        result.sort(BY_IN_PROCESS_AT);
        return result;
    }

    /** Stores an entry under its number and moves it to its place in its account's list order. */
    private void put(String number, Entry entry) {
        Entry previous = byNumber.put(number, entry);
        if (previous != null) {
            NavigableMap<ListKey, Entry> old = listOrder.get(previous.clientId());
            if (old != null) {
                old.remove(ListKey.of(previous));
            }
        }
        listOrder.computeIfAbsent(entry.clientId(), k -> new TreeMap<>()).put(ListKey.of(entry), entry);
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
