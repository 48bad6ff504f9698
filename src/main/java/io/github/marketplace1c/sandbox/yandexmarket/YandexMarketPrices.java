package io.github.marketplace1c.sandbox.yandexmarket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code POST /v2/businesses/{businessId}/offer-prices/updates} accepted, per business. Thread-safe. */
public final class YandexMarketPrices {

    /** One accepted price; {@code discountBase} and {@code minimumForBestseller} are null when not sent. */
    public record Price(long businessId, String offerId, BigDecimal value, String currencyId, BigDecimal discountBase,
                        BigDecimal minimumForBestseller, Instant at) {
    }

    private record Key(long businessId, String offerId) {
    }

    private final Map<Key, Price> current = new HashMap<>();
    private final List<Price> received = new ArrayList<>();

    public synchronized Optional<Price> current(long businessId, String offerId) {
        return Optional.ofNullable(current.get(new Key(businessId, offerId)));
    }

    public synchronized List<Price> received() {
        return List.copyOf(received);
    }

    public synchronized void clear() {
        current.clear();
        received.clear();
    }

    synchronized void acceptAll(List<Price> prices) {
        for (Price price : prices) {
            current.put(new Key(price.businessId(), price.offerId()), price);
        }
        received.addAll(prices);
    }
}
