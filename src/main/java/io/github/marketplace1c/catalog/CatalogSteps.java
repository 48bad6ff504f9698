package io.github.marketplace1c.catalog;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The catalog flow's steps for one marketplace (routes/shared/catalog.camel.yaml): per account, read the marketplace
 * catalog, read the 1C items, suggest pairs for the products that have no mapping. The journal counts the products
 * read (fetched) and matched (done: every product read is stored and looked at; none is a dead letter). A pull started
 * from the admin API carries its {@link CatalogPulls.AccountProgress} in {@link #PROGRESS}.
 */
public class CatalogSteps {

    public static final String FLOW = "catalog";
    public static final String PROGRESS = "mp1cCatalogProgress";
    private static final String PRODUCTS = "mp1cCatalogProducts";
    private static final String ITEMS = "mp1cCatalogItems";

    private final MarketplaceCatalog catalog;
    private final OneCCatalog onec;
    private final CatalogTables tables;
    private final MappingTable mappings;
    private final Journal journal;
    private final io.github.marketplace1c.deadletter.DeadLetters deadLetters;

    public CatalogSteps(MarketplaceCatalog catalog, OneCCatalog onec, CatalogTables tables, MappingTable mappings,
                        Journal journal, io.github.marketplace1c.deadletter.DeadLetters deadLetters) {
        this.catalog = catalog;
        this.onec = onec;
        this.tables = tables;
        this.mappings = mappings;
        this.journal = journal;
        this.deadLetters = deadLetters;
    }

    /** Body: the account. Opens the run. */
    public void startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, catalog.marketplace());
        exchange.setProperty(FlowProperties.FLOW, FLOW);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "catalog");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, catalog.marketplace() + "-catalog-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        long runId = journal.startRun(catalog.marketplace(), FLOW, account.id(),
                exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class));
        exchange.setProperty(FlowProperties.RUN_ID, runId);
        progress(exchange).runId(runId);
    }

    /** Every product of the account's marketplace catalog, stored as the account's current catalog. */
    public void readMarketplace(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        CatalogPulls.AccountProgress progress = progress(exchange);
        progress.stage("marketplace");
        List<MarketplaceProduct> products = catalog.read(account, progress::marketplaceProducts);
        progress.marketplaceProducts(products.size());
        tables.replaceProducts(catalog.marketplace(), account.id(), products);
        journal.fetched(exchange.getProperty(FlowProperties.RUN_ID, Long.class), products.size());
        exchange.setProperty(PRODUCTS, products);
    }

    /** The 1C items (one read serves the accounts pulling at the same time). */
    public void readOneC(Exchange exchange) {
        CatalogPulls.AccountProgress progress = progress(exchange);
        progress.stage("1c");
        List<OneCItem> items = onec.items();
        progress.onecItems(items.size());
        exchange.setProperty(ITEMS, items);
    }

    /** Suggestions for the products without a mapping; the run's summary as the body. */
    @SuppressWarnings("unchecked")
    public Journal.RunSummary suggest(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        CatalogPulls.AccountProgress progress = progress(exchange);
        progress.stage("matching");
        List<MarketplaceProduct> products = exchange.getProperty(PRODUCTS, List.class);
        ProductMatcher matcher = new ProductMatcher(exchange.getProperty(ITEMS, List.class));
        // the account's mapped keys, read once: its own rows and the marketplace-wide ones
        java.util.Set<String> mapped = new java.util.HashSet<>();
        for (MappingRow row : mappings.list(catalog.marketplace(), null, null, Integer.MAX_VALUE)) {
            if (row.accountId().isEmpty() || row.accountId().equals(account.id())) {
                mapped.add(row.key());
            }
        }
        Map<MarketplaceProduct, List<ProductMatcher.Match>> found = new LinkedHashMap<>();
        int exact = 0;
        for (MarketplaceProduct product : products) {
            if (mapped.contains(product.key())) {
                continue;
            }
            List<ProductMatcher.Match> matches = matcher.match(product);
            if (!matches.isEmpty()) {
                found.put(product, matches);
                exact += matches.get(0).exact() ? 1 : 0;
            }
        }
        int stored = tables.replaceSuggestions(catalog.marketplace(), account.id(), found);
        long runId = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        journal.bulk(runId, products.size(), 0, 0);
        // a pull that failed before and went through now: its dead letter is over
        deadLetters.resolveOpen(FLOW, account.id(), "catalog", exchange.getProperty(FlowProperties.REPLAY_OF) != null
                ? io.github.marketplace1c.deadletter.DeadLetter.REPLAYED
                : io.github.marketplace1c.deadletter.DeadLetter.RESOLVED, "pull");
        Journal.RunSummary summary = journal.finishRun(runId, null);
        progress.suggestions(stored, exact);
        progress.stage("done");
        exchange.setProperty(FlowProperties.OUTCOME, Journal.Outcome.DONE.name());
        exchange.setProperty("mp1cCatalogSuggestions", stored);
        exchange.setProperty("mp1cCatalogExact", exact);
        exchange.getIn().setBody(summary);
        return summary;
    }

    private static CatalogPulls.AccountProgress progress(Exchange exchange) {
        CatalogPulls.AccountProgress progress = exchange.getProperty(PROGRESS, CatalogPulls.AccountProgress.class);
        if (progress == null) {
            Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
            progress = new CatalogPulls.AccountProgress(account == null ? "?" : account.id(),
                    account == null ? "?" : account.marketplace());
            exchange.setProperty(PROGRESS, progress);
        }
        return progress;
    }
}
