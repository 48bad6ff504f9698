package io.github.marketplace1c.sandbox.ozon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code POST /v1/product/import/prices} accepted: the current prices per seller × offer (fields a request
 * left out keep their previous value) and every accepted update in order, plus the per-product hourly budget
 * ("Цену каждого товара можно обновлять не больше 10 раз в час"). Thread-safe.
 */
public final class OzonPrices {

    public static final int UPDATES_PER_HOUR = 10;
    static final Duration HOUR = Duration.ofHours(1);

    /**
     * One seller's prices of one offer after an accepted update. {@code oldPrice} is null when there is none
     * (never set, or reset with "0"); {@code price}/{@code minPrice} are null when never set.
     */
    public record Price(String clientId, String offerId, long productId, BigDecimal price, BigDecimal oldPrice,
                        BigDecimal minPrice, String currencyCode, Instant at) {
    }

    private record Key(String clientId, String offerId) {
    }

    private final Map<Key, Price> current = new HashMap<>();
    private final Map<Key, Deque<Instant>> recent = new HashMap<>();
    private final List<Price> received = new ArrayList<>();

    public synchronized Optional<Price> current(String clientId, String offerId) {
        return Optional.ofNullable(current.get(new Key(clientId, offerId)));
    }

    public synchronized List<Price> received() {
        return List.copyOf(received);
    }

    public synchronized void clear() {
        current.clear();
        recent.clear();
        received.clear();
    }

    /** Accepted updates of this product within the last hour before {@code now}. */
    synchronized int updatesWithinHour(String clientId, String offerId, Instant now) {
        Deque<Instant> times = recent.get(new Key(clientId, offerId));
        if (times == null) {
            return 0;
        }
        Instant since = now.minus(HOUR);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        return times.size();
    }

    synchronized void accept(Price price) {
        Key key = new Key(price.clientId(), price.offerId());
        current.put(key, price);
        recent.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(price.at());
        received.add(price);
    }
}
