package io.github.marketplace1c.sandbox.yandexmarket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code PUT /v2/campaigns/{campaignId}/offers/stocks} accepted, per campaign (store). Thread-safe. */
public final class YandexMarketStocks {

    /**
     * One accepted stock: {@code updatedAt} is the request's {@code items[0].updatedAt} or, when absent, the
     * emulator's clock time; {@code at} is always the clock time it was received.
     */
    public record Stock(long campaignId, String offerId, long count, Instant updatedAt, Instant at) {
    }

    private record Key(long campaignId, String offerId) {
    }

    private final Map<Key, Stock> current = new HashMap<>();
    private final List<Stock> received = new ArrayList<>();

    public synchronized Optional<Stock> current(long campaignId, String offerId) {
        return Optional.ofNullable(current.get(new Key(campaignId, offerId)));
    }

    public synchronized List<Stock> received() {
        return List.copyOf(received);
    }

    public synchronized int receivedCount() {
        return received.size();
    }

    public synchronized void clear() {
        current.clear();
        received.clear();
    }

    synchronized void acceptAll(List<Stock> stocks) {
        for (Stock stock : stocks) {
            current.put(new Key(stock.campaignId(), stock.offerId()), stock);
        }
        received.addAll(stocks);
    }
}
