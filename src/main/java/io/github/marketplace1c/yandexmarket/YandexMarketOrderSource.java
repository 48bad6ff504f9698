package io.github.marketplace1c.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.flow.OrderSource;
import io.github.marketplace1c.order.Order;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Yandex Market FBS orders for the orders flow: {@code POST /v1/businesses/{businessId}/orders} for the account's
 * campaign (settings {@code businessId} and {@code campaignId} in accounts.yaml), orders created since the window's
 * start and updated since the last run, {@code pageToken} paging of at most 50.
 */
public class YandexMarketOrderSource implements OrderSource {

    private static final int PERIOD_DAYS = 30;

    private final YandexMarketClient client;
    private final YandexMarketOrderTranslator translator;
    private final ZoneId zone;
    private final int pageSize;

    public YandexMarketOrderSource(YandexMarketClient client, YandexMarketOrderTranslator translator, ZoneId zone,
                                   int pageSize) {
        this.client = client;
        this.translator = translator;
        this.zone = zone;
        this.pageSize = Math.min(50, pageSize);
    }

    @Override
    public String marketplace() {
        return YandexMarketOrderTranslator.MARKETPLACE;
    }

    /**
     * Market accepts creation dates at most 30 days apart, the end day not included: the window is read in such
     * periods. Cursor: {@code "<period's first day>|<pageToken>"}.
     */
    @Override
    public Page fetch(Account account, Window window, String cursor) {
        long businessId = Long.parseLong(account.requiredSetting("businessId"));
        long campaignId = Long.parseLong(account.requiredSetting("campaignId"));
        LocalDate end = LocalDate.ofInstant(window.to(), zone).plusDays(1); // exclusive
        LocalDate from = LocalDate.ofInstant(window.since(), zone);
        String pageToken = null;
        if (cursor != null && !cursor.isEmpty()) {
            String[] parts = cursor.split("\\|", 2);
            from = LocalDate.parse(parts[0]);
            pageToken = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        }
        LocalDate until = from.plusDays(PERIOD_DAYS).isBefore(end) ? from.plusDays(PERIOD_DAYS) : end;
        YandexMarketClient.Page page = client.orders(account, businessId, campaignId, from, until, window.changedFrom(),
                window.changedFrom() == null ? null : window.to(), pageToken, pageSize);
        if (!page.nextPageToken().isEmpty() && !page.orders().isEmpty()) {
            return new Page(page.orders(), from + "|" + page.nextPageToken(), true);
        }
        boolean more = until.isBefore(end);
        return new Page(page.orders(), more ? until + "|" : "", more);
    }

    @Override
    public String recordKey(JsonNode record) {
        return translator.recordKey(record);
    }

    @Override
    public String status(JsonNode record) {
        return translator.status(record);
    }

    @Override
    public Order toOrder(Account account, JsonNode record) {
        return translator.toOrder(account.id(), record);
    }
}
