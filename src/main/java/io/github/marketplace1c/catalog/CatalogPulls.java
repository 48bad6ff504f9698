package io.github.marketplace1c.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of catalog pulls started from the admin API, for the console to show while they run: per account the
 * stage (waiting, marketplace, 1c, matching, done, failed) and the counts so far. Kept in memory on the instance that
 * runs the pull (the journal keeps the durable record of each account's run); the last 50 pulls are remembered.
 */
public class CatalogPulls {

    /** One account's part of a pull. Mutable: the flow's steps update it as they go. */
    public static final class AccountProgress {
        private final String account;
        private final String marketplace;
        private volatile String stage = "waiting";
        private volatile int marketplaceProducts;
        private volatile int onecItems;
        private volatile int suggestions;
        private volatile int exact;
        private volatile Long runId;
        private volatile String message;

        AccountProgress(String account, String marketplace) {
            this.account = account;
            this.marketplace = marketplace;
        }

        public void stage(String stage) {
            this.stage = stage;
        }

        public void marketplaceProducts(int count) {
            this.marketplaceProducts = count;
        }

        public void onecItems(int count) {
            this.onecItems = count;
        }

        public void suggestions(int count, int exact) {
            this.suggestions = count;
            this.exact = exact;
        }

        public void runId(Long runId) {
            this.runId = runId;
        }

        public void failed(String message) {
            this.stage = "failed";
            this.message = message;
        }

        public String stage() {
            return stage;
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("account", account);
            view.put("marketplace", marketplace);
            view.put("stage", stage);
            view.put("marketplaceProducts", marketplaceProducts);
            view.put("onecItems", onecItems);
            view.put("suggestions", suggestions);
            view.put("exact", exact);
            view.put("runId", runId);
            view.put("message", message);
            return view;
        }
    }

    /** A pull: several accounts, one after another. */
    public static final class Pull {
        private final long id;
        private final Instant startedAt;
        private final List<AccountProgress> accounts = new ArrayList<>();
        private volatile Instant finishedAt;

        Pull(long id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        public long id() {
            return id;
        }

        public List<AccountProgress> accounts() {
            return accounts;
        }

        public Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            long finished = accounts.stream().filter(a -> a.stage.equals("done") || a.stage.equals("failed")).count();
            boolean failed = accounts.stream().anyMatch(a -> a.stage.equals("failed"));
            view.put("id", id);
            view.put("status", finishedAt == null ? "running" : failed ? "failed" : "done");
            view.put("accountsDone", finished);
            view.put("accountsTotal", accounts.size());
            view.put("percent", accounts.isEmpty() ? 100 : (int) (finished * 100 / accounts.size()));
            view.put("startedAt", startedAt.toString());
            view.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
            view.put("accounts", accounts.stream().map(AccountProgress::view).toList());
            return view;
        }
    }

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final LinkedHashMap<Long, Pull> pulls = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Pull> eldest) {
            return size() > 50;
        }
    };

    public CatalogPulls(Clock clock) {
        this.clock = clock;
    }

    public synchronized Pull start(List<io.github.marketplace1c.account.Account> accounts) {
        Pull pull = new Pull(ids.incrementAndGet(), clock.instant());
        accounts.forEach(a -> pull.accounts.add(new AccountProgress(a.id(), a.marketplace())));
        pulls.put(pull.id, pull);
        return pull;
    }

    public synchronized void finish(Pull pull) {
        pull.finishedAt = clock.instant();
    }

    public synchronized java.util.Optional<Pull> find(long id) {
        return java.util.Optional.ofNullable(pulls.get(id));
    }

    public synchronized List<Map<String, Object>> recent() {
        List<Map<String, Object>> views = new ArrayList<>();
        pulls.values().forEach(p -> views.add(0, p.view()));
        return views;
    }
}
