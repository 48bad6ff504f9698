package io.github.marketplace1c.sandbox.wildberries;

import io.github.marketplace1c.sandbox.SandboxData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prices and discounts as the Wildberries emulator's discounts-prices-api holds them: the current price (whole
 * rubles) and discount (percent) per seller account and card ({@code nmID}; the sandbox's two accounts sell the
 * same cards, each at its own prices), and the upload tasks with their per-item outcome.
 * A task is processed either at once (the default) or after a number of status polls
 * ({@link #processAfterPolls}), so clients can show their polling. Thread-safe.
 */
public final class WildberriesPrices {

    /** A card's price in whole rubles and discount in percent. */
    public record Price(long price, int discount) {

        /** The price a buyer pays, in rubles (WB's quarantine compares these). */
        long discounted() {
            return price * (100 - discount) / 100;
        }
    }

    /** Task statuses of {@code GET /api/v2/history/tasks}; {@link #IN_PROCESSING} is buffer/tasks' only one. */
    public static final int IN_PROCESSING = 1;
    public static final int PROCESSED = 3;
    public static final int PROCESSED_WITH_ERRORS = 5;
    public static final int ALL_FAILED = 6;
    /** Item statuses of {@code GET /api/v2/history/goods/task}. */
    public static final int ITEM_APPLIED = 2;
    public static final int ITEM_FAILED = 3;

    public static final String NOT_FOUND = "Item not found";
    public static final String QUARANTINE = "The new price is several times lower than the current price. "
            + "Item has been moved to Price Quarantine";
    public static final String NO_PRICE = "Price not specified";

    /** One item of an upload; {@code price} or {@code discount} null when not sent. */
    record Item(long nmId, Long price, Integer discount) {
    }

    /** One item's outcome. */
    record Outcome(long nmId, String vendorCode, Long price, Integer discount, int status, String errorText) {
    }

    static final class Task {
        final long id;
        final String token;
        final Instant uploadDate;
        final List<Item> items;
        int pollsLeft;
        Instant activationDate;
        List<Outcome> outcomes;
        int status = IN_PROCESSING;
        int succeeded;

        Task(long id, String token, Instant uploadDate, List<Item> items, int polls) {
            this.id = id;
            this.token = token;
            this.uploadDate = uploadDate;
            this.items = items;
            this.pollsLeft = polls;
        }

        boolean processed() {
            return outcomes != null;
        }
    }

    private final AtomicLong ids = new AtomicLong(7_000_000L);
    private final Map<String, Map<Long, Price>> prices = new HashMap<>();
    /** Per card, the price last applied by any account. */
    private final Map<Long, Price> lastApplied = new HashMap<>();
    private final Map<Long, String> vendorCodes = new HashMap<>();
    private final Map<Long, String> rejections = new HashMap<>();
    private final Map<Long, Task> tasks = new HashMap<>();
    /** Per token: the canonical payload of its latest upload and that upload's id (WB's 208 duplicate). */
    private final Map<String, Map.Entry<String, Long>> latest = new HashMap<>();
    private final Set<Long> extraNmIds = new HashSet<>();
    private int polls;

    WildberriesPrices() {
        SandboxData.WB_CARDS.forEach(c -> vendorCodes.putIfAbsent(c.nmId(), c.vendorCode()));
    }

    /** The card's price and discount at this account now; empty until an upload (or {@link #seed}) set one. */
    public synchronized Optional<Price> current(String token, long nmId) {
        return Optional.ofNullable(prices.getOrDefault(token, Map.of()).get(nmId));
    }

    /**
     * The card's price as last applied by an upload of any account; empty until one did. With one account
     * per card (as at WB) this is the card's price; the sandbox's two accounts share cards, see
     * {@link #current(String, long)}.
     */
    public synchronized Optional<Price> current(long nmId) {
        return Optional.ofNullable(lastApplied.get(nmId));
    }

    /** Sets a card's price at this account as if it had long been so (tests use it for the quarantine rule). */
    public synchronized void seed(String token, long nmId, long price, int discount) {
        prices.computeIfAbsent(token, t -> new HashMap<>()).put(nmId, new Price(price, discount));
    }

    /** How many status polls ({@code history/tasks} or {@code buffer/tasks}) see a new task unprocessed; 0 = none. */
    public synchronized void processAfterPolls(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be 0 or more");
        }
        this.polls = polls;
    }

    /** The next time this card is in a processed upload, it fails with this {@code errorText} (status 3). Once. */
    public synchronized void rejectNext(long nmId, String errorText) {
        rejections.put(nmId, errorText);
    }

    /** Cards beyond the sandbox's (benchmarks): {@code count} nmIDs from {@code first} on. */
    public synchronized void addNmIds(long first, int count) {
        for (int i = 0; i < count; i++) {
            extraNmIds.add(first + i);
        }
    }

    synchronized boolean knows(long nmId) {
        return vendorCodes.containsKey(nmId) || extraNmIds.contains(nmId);
    }

    /** Whether this item would change nothing: an unknown card or the values it already has. */
    synchronized boolean changesNothing(String token, Item item) {
        if (!knows(item.nmId())) {
            return true;
        }
        Price now = prices.getOrDefault(token, Map.of()).get(item.nmId());
        return now != null && (item.price() == null || item.price() == now.price())
                && (item.discount() == null || item.discount() == now.discount());
    }

    /** The id of the token's latest upload when {@code payload} is the same; else null. */
    synchronized Long duplicateOf(String token, String payload) {
        Map.Entry<String, Long> last = latest.get(token);
        return last != null && last.getKey().equals(payload) ? last.getValue() : null;
    }

    synchronized Task create(String token, String payload, List<Item> items, Instant now) {
        Task task = new Task(ids.incrementAndGet(), token, now, items, polls);
        tasks.put(task.id, task);
        latest.put(token, Map.entry(payload, task.id));
        if (task.pollsLeft == 0) {
            process(task, now);
        }
        return task;
    }

    /** The token's task, counting a status poll: the poll that finds no polls left processes it. Null if unknown. */
    synchronized Task poll(String token, long id, Instant now) {
        Task task = find(token, id);
        if (task != null && !task.processed()) {
            if (task.pollsLeft == 0) {
                process(task, now);
            } else {
                task.pollsLeft--;
            }
        }
        return task;
    }

    synchronized Task find(String token, long id) {
        Task task = tasks.get(id);
        return task == null || !task.token.equals(token) ? null : task;
    }

    /** Applies the items in order; each succeeds or fails on its own. */
    private void process(Task task, Instant now) {
        List<Outcome> outcomes = new ArrayList<>(task.items.size());
        Map<Long, Price> prices = this.prices.computeIfAbsent(task.token, t -> new HashMap<>());
        int succeeded = 0;
        for (Item item : task.items) {
            String vendorCode = vendorCodes.getOrDefault(item.nmId(), "");
            String rejection = rejections.remove(item.nmId());
            Price now0 = prices.get(item.nmId());
            Long price = item.price() != null ? item.price() : now0 == null ? null : now0.price();
            int discount = item.discount() != null ? item.discount() : now0 == null ? 0 : now0.discount();
            String error = null;
            if (rejection != null) {
                error = rejection;
            } else if (!knows(item.nmId())) {
                error = NOT_FOUND;
            } else if (price == null) {
                error = NO_PRICE;
            } else if (now0 != null && new Price(price, discount).discounted() * 3 <= now0.discounted()) {
                error = QUARANTINE;
            }
            if (error == null) {
                prices.put(item.nmId(), new Price(price, discount));
                lastApplied.put(item.nmId(), new Price(price, discount));
                succeeded++;
                outcomes.add(new Outcome(item.nmId(), vendorCode, price, discount, ITEM_APPLIED, ""));
            } else {
                outcomes.add(new Outcome(item.nmId(), vendorCode, item.price(),
                        item.discount() == null ? 0 : item.discount(), ITEM_FAILED, error));
            }
        }
        task.outcomes = outcomes;
        task.succeeded = succeeded;
        task.activationDate = now;
        task.status = succeeded == outcomes.size() ? PROCESSED : succeeded == 0 ? ALL_FAILED : PROCESSED_WITH_ERRORS;
    }
}
