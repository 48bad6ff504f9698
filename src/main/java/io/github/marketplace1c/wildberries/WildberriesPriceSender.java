package io.github.marketplace1c.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.inventory.PriceLine;
import io.github.marketplace1c.inventory.PriceSender;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Wildberries prices (discounts-prices-api): {@code POST /api/v2/upload/task} with
 * {@code {"data":[{"nmID","price","discount"}]}}, at most 1000 cards a request, then the task's outcome from
 * {@code GET /api/v2/history/tasks} and its items from {@code GET /api/v2/history/goods/task} (status 3 = refused,
 * with its errorText). A 400 "… already set" (nothing would change) counts as accepted.
 *
 * <p>Prices are per card (nmID). A cabinet mapped by card ({@code settings.productKey: nmId}) sends its keys as they
 * are; one mapped by size ({@code chrtId}, the default) has its sizes turned into their cards through the cabinet's
 * card list (chrtID → nmID): the sizes of one card must have the same prices in 1C, otherwise the card is refused
 * with the sizes' prices named (WB sets one price per card). A cabinet mapped by article or barcode fails its run
 * with a CONFIGURATION dead letter. WB has no crossed-out price: {@code price} is the price before discount (the 1C
 * old price, whole rubles up) and {@code discount} the percent that brings it to the selling price; without an old
 * price, the selling price with discount 0. The minimum price is not sent.
 */
public class WildberriesPriceSender implements PriceSender {

    private final WildberriesClient client;
    private final ObjectMapper json;
    private final Duration pollInterval;
    private final int maxPolls;
    /** A cabinet's chrtID → nmID (its card list). */
    private final Function<Account, Map<Long, Long>> cardsOfSizes;
    /** Per account: its sizes' cards for this run (null: the account is mapped by nmId). */
    private final Map<String, Map<Long, Long>> runCards = new ConcurrentHashMap<>();

    public WildberriesPriceSender(WildberriesClient client, ObjectMapper json, Duration pollInterval, int maxPolls,
                                  Function<Account, Map<Long, Long>> cardsOfSizes) {
        this.client = client;
        this.json = json;
        this.pollInterval = pollInterval;
        this.maxPolls = maxPolls;
        this.cardsOfSizes = cardsOfSizes;
    }

    @Override
    public String marketplace() {
        return WildberriesOrderTranslator.MARKETPLACE;
    }

    @Override
    public int batchSize() {
        return 1000;
    }

    @Override
    public void prepare(Account account, List<PriceLine> lines) {
        String key = account.setting("productKey", "chrtId");
        if ("nmId".equalsIgnoreCase(key)) {
            runCards.remove(account.id());
        } else if ("chrtId".equalsIgnoreCase(key)) {
            runCards.put(account.id(), cardsOfSizes.apply(account));
        } else {
            throw new PermanentFailure(ReasonCode.CONFIGURATION, "Account " + account.id() + ": Wildberries prices "
                    + "are set per card (nmID), but the account's products are mapped by " + key
                    + " (settings.productKey); the price export needs settings.productKey nmId or chrtId");
        }
    }

    /** WB's price (before discount, whole rubles) and discount (percent 0..99) for a line. */
    static long[] priceAndDiscount(PriceLine line) {
        BigDecimal selling = line.price();
        if (line.oldPrice() == null || line.oldPrice().compareTo(selling) <= 0) {
            return new long[] {selling.setScale(0, RoundingMode.HALF_UP).longValueExact(), 0};
        }
        BigDecimal before = line.oldPrice().setScale(0, RoundingMode.CEILING);
        long discount = BigDecimal.ONE.subtract(selling.divide(before, 6, RoundingMode.HALF_UP))
                .multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).longValue();
        return new long[] {before.longValueExact(), Math.max(0, Math.min(99, discount))};
    }

    @Override
    public List<Rejection> send(Account account, List<PriceLine> batch) {
        List<Rejection> rejected = new ArrayList<>();
        Map<Long, List<PriceLine>> byCard = byCard(account, batch, rejected);
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("data");
        byCard.forEach((nmId, lines) -> {
            Set<String> prices = new LinkedHashSet<>();
            lines.forEach(l -> prices.add(Arrays.toString(priceAndDiscount(l))));
            if (prices.size() > 1) {
                String sizes = String.join(", ", lines.stream().map(l -> l.productKey() + ": " + l.price().toPlainString()
                        + (l.oldPrice() == null ? "" : " (" + l.oldPrice().toPlainString() + ")")).toList());
                lines.forEach(l -> rejected.add(new Rejection(l.productKey(), "SizesDiffer", "the sizes of card " + nmId
                        + " have different prices in 1C (" + sizes + "); Wildberries sets one price per card")));
                return;
            }
            long[] wb = priceAndDiscount(lines.get(0));
            data.addObject().put("nmID", nmId).put("price", wb[0]).put("discount", wb[1]);
        });
        if (data.isEmpty()) {
            return rejected;
        }
        JsonNode upload = client.uploadPrices(account, body);
        if (upload.path("error").asBoolean(false)) {
            String text = upload.path("errorText").asText("");
            if (text.contains("already set")) {
                return rejected; // nothing would change: the marketplace has these prices
            }
            throw new PermanentFailure(ReasonCode.MARKETPLACE_REJECTED, "Account " + account.id()
                    + ": Wildberries refused the price upload: " + text);
        }
        long uploadId = upload.path("data").path("id").asLong();
        for (int poll = 0; ; poll++) {
            if (!client.priceTask(account, uploadId).path("data").isNull()) {
                break;
            }
            if (poll >= maxPolls) {
                throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Account " + account.id()
                        + ": Wildberries has not processed price upload " + uploadId + " yet", pollInterval, null);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "interrupted", null, e);
            }
        }
        for (int offset = 0; ; offset += 1000) {
            JsonNode goods = client.priceTaskItems(account, uploadId, 1000, offset).path("data").path("historyGoods");
            for (JsonNode item : goods) {
                if (item.path("status").asInt() == 3) {
                    // a refused card refuses each of its products (sizes) in the batch
                    for (PriceLine line : byCard.getOrDefault(item.path("nmID").asLong(), List.of())) {
                        rejected.add(new Rejection(line.productKey(), "status 3", item.path("errorText").asText("")));
                    }
                }
            }
            if (goods.size() < 1000) {
                break;
            }
        }
        return rejected;
    }

    /** The batch's lines per card: the key itself (nmId) or the card of the size (chrtId); others refused. */
    private Map<Long, List<PriceLine>> byCard(Account account, List<PriceLine> batch, List<Rejection> rejected) {
        Map<Long, Long> cards = runCards.get(account.id());
        Map<Long, List<PriceLine>> byCard = new LinkedHashMap<>();
        for (PriceLine line : batch) {
            if (!line.productKey().matches("\\d{1,18}")) {
                rejected.add(new Rejection(line.productKey(), cards == null ? "NotAnNmId" : "NotAChrtId",
                        "Wildberries keys are numbers: this product's key is neither an nmID nor a chrtID"));
                continue;
            }
            long key = Long.parseLong(line.productKey());
            Long nmId = cards == null ? Long.valueOf(key) : cards.get(key);
            if (nmId == null) {
                rejected.add(new Rejection(line.productKey(), "UnknownSize", "chrtID " + key + " is not a size of any "
                        + "card of the cabinet (its card list); check the product map"));
                continue;
            }
            byCard.computeIfAbsent(nmId, k -> new ArrayList<>()).add(line);
        }
        return byCard;
    }
}
