package io.github.marketplace1c.marketplace;

import java.util.List;

/**
 * One marketplace the application talks to, as every layer names it.
 *
 * @param key          the one spelling: accounts.yaml {@code marketplace:}, routes/&lt;key&gt;/, flow ids
 *                     ({@code <key>-orders}), dead letters, the journal, properties {@code mp1c.<key>.*}
 * @param displayName  what a person reads: the 1C order's comment, the console
 * @param formerKeys   spellings the properties once used ({@code mp1c.yandexMarket.*}); still read, with a warning
 * @param replayEntries the flows' per-record and per-poll entry points a dead letter may be replayed into, each
 *                     reached as {@code direct:<key>-<entry>}
 */
public record Marketplace(String key, String displayName, List<String> formerKeys, List<String> replayEntries) {

    public Marketplace {
        formerKeys = List.copyOf(formerKeys);
        replayEntries = List.copyOf(replayEntries);
    }

    /** {@code mp1c.<key>}: the start of every setting of this marketplace. */
    public String propertyPrefix() {
        return "mp1c." + key;
    }

    /** The dead-letter replay targets: {@code <key>-<entry>}. */
    public List<String> replayTargets() {
        return replayEntries.stream().map(entry -> key + "-" + entry).toList();
    }
}
