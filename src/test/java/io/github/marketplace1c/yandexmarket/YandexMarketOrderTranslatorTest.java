package io.github.marketplace1c.yandexmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.order.Order;
import java.io.InputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts as numbers and as numeric strings (both seen in recorded answers); anything else names the field. */
class YandexMarketOrderTranslatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final YandexMarketOrderTranslator translator = new YandexMarketOrderTranslator();

    @Test
    void stringAmountsMakeTheSameLineAsNumbersToTheKopeck() throws Exception {
        ObjectNode asNumbers = order(777, "SKU-1", 3);
        money(asNumbers, 0, "payment").put("value", new BigDecimal("3703.50"));
        money(asNumbers, 0, "subsidy").put("value", new BigDecimal("0.01"));
        money(asNumbers, 0, "cashback").put("value", 100);
        ObjectNode asText = order(777, "SKU-1", 3);
        money(asText, 0, "payment").put("value", "3703.50");
        money(asText, 0, "subsidy").put("value", "0.01");
        money(asText, 0, "cashback").put("value", "100");

        Order.Line fromNumbers = translator.toOrder("ym-1", asNumbers).lines().get(0);
        Order.Line fromText = translator.toOrder("ym-1", asText).lines().get(0);

        assertThat(fromText.sum()).isEqualByComparingTo("3803.51");
        assertThat(fromText.price()).isEqualByComparingTo("1267.84"); // 3803.51 / 3, to the kopeck
        assertThat(fromText).isEqualTo(fromNumbers);
    }

    @Test
    void aDoubleIsReadAsWrittenNotAsItsBinaryApproximation() throws Exception {
        ObjectNode order = order(778, "SKU-1", 1);
        money(order, 0, "payment").put("value", 0.1);
        money(order, 0, "cashback").put("value", 0.2);

        assertThat(translator.toOrder("ym-1", order).lines().get(0).sum()).isEqualByComparingTo("0.30");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a word                | \"около 1500\"          | 'около 1500' is not an amount",
            "an empty string       | \"\"                    | '' is not an amount",
            "a comma decimal       | \"1500,50\"             | '1500,50' is not an amount",
            "an exponent           | \"1.5E3\"               | '1.5E3' is not an amount",
            "an object             | {\"amount\": 1500}      | is an object, which is not an amount",
            "an array              | [1500]                  | is an array, which is not an amount",
            "a boolean             | true                    | is the boolean true, which is not an amount",
            "null                  | null                    | is missing and is not an amount",
            "a negative string     | \"-5.00\"               | '-5.00' is not an amount (it is negative)"})
    void aValueOfAnotherKindIsAnInvalidPayloadNamingTheFieldAndTheOrder(String kind, String value, String expected)
            throws Exception {
        ObjectNode order = order(779, "SKU-1", 1);
        order.withArray("items").add(item("SKU-2", 1));
        money(order, 1, "payment").set("value", JSON.readTree(value));

        assertThatThrownBy(() -> translator.toOrder("ym-1", order))
                .isInstanceOf(PermanentFailure.class)
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD))
                .hasMessageContaining("Account ym-1, Yandex Market order 779")
                .hasMessageContaining("field items[1].prices.payment.value " + expected);
    }

    @Test
    void theRecordedCampaignAnswerWithFractionalNumbersGivesItsItemsTotal() throws Exception {
        JsonNode recorded = recorded("campaign-order-457047911.json").path("orders").get(0);
        JsonNode item = recorded.path("items").get(0);
        ObjectNode order = order(recorded.path("id").asLong(), item.path("offerId").asText(), item.path("count").asInt());
        // the campaign method's buyerPrice is per unit; the business method's payment is the line's total
        BigDecimal payment = new BigDecimal(item.path("buyerPrice").asText()).multiply(new BigDecimal(item.path("count").asText()));
        money(order, 0, "payment").put("value", payment.doubleValue());
        money(order, 0, "subsidy").set("value", item.path("subsidy"));

        Order.Line line = translator.toOrder("ym-1", order).lines().get(0);

        assertThat(line.sum()).isEqualByComparingTo(new BigDecimal(recorded.path("itemsTotal").asText()));
        assertThat(line.price()).isEqualByComparingTo("10160.00");
        assertThat(line.quantity()).isEqualByComparingTo("2");
    }

    @Test
    void theLiveCampaignAnswerGivesTheBuyersPaymentPlusMarketsSubsidyAsTheLine() throws Exception {
        JsonNode recorded = recorded("campaign-order-55113212034.json").path("orders").get(0);
        JsonNode item = recorded.path("items").get(0);
        int count = item.path("count").asInt();
        ObjectNode order = order(recorded.path("id").asLong(), item.path("offerId").asText(), count);
        money(order, 0, "payment").put("value",
                new BigDecimal(item.path("buyerPrice").asText()).multiply(BigDecimal.valueOf(count)).doubleValue());
        money(order, 0, "subsidy").set("value", item.path("subsidies").get(0).path("amount"));

        Order.Line line = translator.toOrder("ym-1", order).lines().get(0);

        assertThat(new BigDecimal(recorded.path("itemsTotal").asText())).isEqualByComparingTo("70");
        assertThat(line.sum()).isEqualByComparingTo("85.00"); // 70.0 paid + 15.0 Market's subsidy
        assertThat(line.price()).isEqualByComparingTo("42.50");
    }

    @Test
    void theRecordedStringAmountsAreReadAsTheirDecimals() throws Exception {
        JsonNode recorded = recorded("string-amounts-hand-written.json").path("orders");
        ObjectNode twoUnits = order(1, "OF-1", 2);
        money(twoUnits, 0, "payment").set("value", recorded.get(0).path("itemsTotal"));
        ObjectNode oneUnit = order(2, "OF-2", 1);
        money(oneUnit, 0, "payment").set("value", recorded.get(1).path("itemsTotal"));
        assertThat(twoUnits.at("/items/0/prices/payment/value").isTextual()).as("recorded as a string").isTrue();

        Order.Line first = translator.toOrder("ym-1", twoUnits).lines().get(0);
        Order.Line second = translator.toOrder("ym-1", oneUnit).lines().get(0);

        assertThat(first.sum()).isEqualByComparingTo("1500.00");
        assertThat(first.price()).isEqualByComparingTo("750.00");
        assertThat(second.sum()).isEqualByComparingTo("999.99");
    }

    private static JsonNode recorded(String file) throws Exception {
        try (InputStream in = YandexMarketOrderTranslatorTest.class
                .getResourceAsStream("/recorded/yandex-market-orders/" + file)) {
            return JSON.readTree(in);
        }
    }

    private static ObjectNode order(long id, String offerId, int count) {
        ObjectNode order = JSON.createObjectNode();
        order.put("orderId", id);
        order.put("campaignId", 21000001L);
        order.put("status", "PROCESSING");
        order.put("substatus", "STARTED");
        order.put("creationDate", "2026-12-01T10:00:00+03:00");
        order.putArray("items").add(item(offerId, count));
        return order;
    }

    private static ObjectNode item(String offerId, int count) {
        ObjectNode item = JSON.createObjectNode();
        item.put("offerId", offerId);
        item.put("offerName", "Товар " + offerId);
        item.put("count", count);
        item.putObject("prices").putObject("payment").put("value", 100).put("currencyId", "RUR");
        return item;
    }

    private static ObjectNode money(ObjectNode order, int item, String part) {
        ObjectNode prices = (ObjectNode) order.path("items").get(item).path("prices");
        ObjectNode money = prices.has(part) ? (ObjectNode) prices.get(part) : prices.putObject(part);
        money.put("currencyId", "RUR");
        return money;
    }
}
