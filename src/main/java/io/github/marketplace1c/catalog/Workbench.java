package io.github.marketplace1c.catalog;

import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetterFilter;
import io.github.marketplace1c.deadletter.DeadLetterReplayer;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an integrator does with suggestions: accept one (the product mapping is written as {@code PUT
 * /api/mappings/products} writes it, and the dead letters parked for that product are replayed), accept every exact
 * one in bulk, reject one (remembered); and the unmapped inbox: products seen in orders (open UNMAPPED_PRODUCT dead
 * letters) or in the catalog (which the stock and price exports cannot send) with no mapping.
 */
public class Workbench {

    /** What accepting did: the suggestion, the mapping row written, the replayed dead letters' outcomes. */
    public record Accepted(Suggestion suggestion, MappingRow mapping, List<DeadLetterReplayer.Result> replayed) {
    }

    /** One product of the unmapped inbox. */
    public record Unmapped(String marketplace, String account, String productKey, String name, String article,
                           List<String> barcodes, List<String> seenIn, int waiting, List<Long> deadLetterIds,
                           Suggestion bestSuggestion) {
    }

    /** A suggestion that cannot be decided (not new any more). */
    public static final class NotOpen extends RuntimeException {
        public NotOpen(String message) {
            super(message);
        }
    }

    private final CatalogTables tables;
    private final MappingTable products;
    private final DeadLetters deadLetters;
    private final DeadLetterReplayer replayer;

    public Workbench(CatalogTables tables, MappingTable products, DeadLetters deadLetters, DeadLetterReplayer replayer) {
        this.tables = tables;
        this.products = products;
        this.deadLetters = deadLetters;
        this.replayer = replayer;
    }

    /** Accepts a new suggestion: writes the account's product mapping, replays what waited for it. */
    public Accepted accept(long id, String actor) {
        Suggestion suggestion = tables.suggestion(id)
                .orElseThrow(() -> new IllegalArgumentException("no suggestion #" + id));
        if (!tables.decide(id, Suggestion.ACCEPTED, actor)) {
            throw new NotOpen("suggestion #" + id + " is " + tables.suggestion(id).map(Suggestion::status).orElse("gone")
                    + "; only new ones can be accepted or rejected");
        }
        Suggestion.OneC onec = suggestion.onec();
        String name = onec.characteristic() == null ? onec.name() : onec.name() + ", " + onec.characteristic();
        MappingRow row = new MappingRow(suggestion.marketplace(), suggestion.account(), suggestion.product().key(),
                onec.nomenclatureRef(), onec.characteristicRef(), name,
                "suggestion #" + id + " (" + suggestion.evidence() + ") accepted by " + actor);
        // exactly what PUT /api/mappings/products does: write the row, then replay the dead letters parked for it
        products.upsert(row);
        tables.dropOpenSuggestions(suggestion.account(), suggestion.product().key());
        List<DeadLetterReplayer.Result> replayed = replayer.replayParkedForProduct(row.marketplace(), row.accountId(),
                row.key(), actor);
        return new Accepted(tables.suggestion(id).orElseThrow(), row, replayed);
    }

    public Suggestion reject(long id, String actor) {
        tables.suggestion(id).orElseThrow(() -> new IllegalArgumentException("no suggestion #" + id));
        if (!tables.decide(id, Suggestion.REJECTED, actor)) {
            throw new NotOpen("suggestion #" + id + " is " + tables.suggestion(id).map(Suggestion::status).orElse("gone")
                    + "; only new ones can be accepted or rejected");
        }
        return tables.suggestion(id).orElseThrow();
    }

    /** Accepts every new exact suggestion with that evidence (barcode or article), one product at a time. */
    public List<Accepted> acceptExact(String accountId, String marketplace, Evidence evidence, String actor) {
        List<Suggestion> exact = tables.suggestions(new CatalogTables.Filter(accountId, marketplace, Suggestion.NEW,
                evidence.name().toLowerCase(), true, null, null, 100_000));
        List<Accepted> accepted = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (Suggestion suggestion : exact) {
            if (done.add(suggestion.account() + "|" + suggestion.product().key())) {
                accepted.add(accept(suggestion.id(), actor));
            }
        }
        return accepted;
    }

    /**
     * Marketplace products without a mapping, most waiting records first: those open UNMAPPED_PRODUCT dead letters
     * name (orders, reports) and those the last catalog pull saw (the stock and price exports cannot send them).
     */
    public List<Unmapped> unmapped(String accountId, String marketplace) {
        Map<String, Unmapped> inbox = new LinkedHashMap<>();
        List<DeadLetter> letters = deadLetters.list(new DeadLetterFilter(ReasonCode.UNMAPPED_PRODUCT.name(), accountId,
                null, DeadLetter.NEW, null, null, 100_000));
        for (DeadLetter letter : letters) {
            if (marketplace != null && !marketplace.equals(letter.marketplace()) || letter.productKeys() == null) {
                continue;
            }
            for (String key : letter.productKeys().split(",")) {
                if (key.isBlank() || products.resolve(letter.marketplace(), letter.accountId(), key).isPresent()) {
                    continue;
                }
                String id = letter.accountId() + "|" + key;
                Unmapped before = inbox.get(id);
                List<Long> ids = new ArrayList<>(before == null ? List.of() : before.deadLetterIds());
                ids.add(letter.id());
                Set<String> seen = new LinkedHashSet<>(before == null ? List.of() : before.seenIn());
                seen.add(letter.flow());
                inbox.put(id, new Unmapped(letter.marketplace(), letter.accountId(), key, null, null, List.of(),
                        List.copyOf(seen), ids.size(), ids, null));
            }
        }
        for (MarketplaceProduct product : tables.unmappedProducts(accountId, marketplace)) {
            String id = product.accountId() + "|" + product.key();
            Unmapped before = inbox.get(id);
            Set<String> seen = new LinkedHashSet<>(before == null ? List.of() : before.seenIn());
            seen.add("catalog");
            inbox.put(id, new Unmapped(product.marketplace(), product.accountId(), product.key(), product.name(),
                    product.article(), product.barcodes(), List.copyOf(seen), before == null ? 0 : before.waiting(),
                    before == null ? List.of() : before.deadLetterIds(), null));
        }
        List<Unmapped> result = new ArrayList<>();
        for (Unmapped item : inbox.values()) {
            List<Suggestion> open = tables.openSuggestions(item.account(), item.productKey());
            Suggestion best = open.isEmpty() ? null : open.get(0);
            String name = item.name() != null ? item.name() : best != null ? best.product().name()
                    : tables.product(item.account(), item.productKey()).map(MarketplaceProduct::name).orElse(null);
            result.add(new Unmapped(item.marketplace(), item.account(), item.productKey(), name, item.article(),
                    item.barcodes(), item.seenIn(), item.waiting(), item.deadLetterIds(), best));
        }
        result.sort(Comparator.comparingInt(Unmapped::waiting).reversed().thenComparing(Unmapped::account)
                .thenComparing(Unmapped::productKey));
        return result;
    }
}
