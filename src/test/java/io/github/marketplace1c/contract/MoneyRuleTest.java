package io.github.marketplace1c.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The money rule on fields whose answer is known, both ways: what must count as money and what must not. */
class MoneyRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean money(String path, String schema) throws Exception {
        JsonNode node = JSON.readTree(schema);
        return AnswerFields.money(path, AnswerFields.type(node), node);
    }

    @Test
    void amountsAsNumbersOrStringsAreMoneyByNameOrDescription() throws Exception {
        assertThat(money("postings[].products[].price.amount", "{\"type\":\"string\",\"description\":\"Сумма.\"}"))
                .isTrue();
        assertThat(money("[].forPay", "{\"type\":\"string\",\"description\":\"К перечислению продавцу\"}")).isTrue();
        assertThat(money("orders[].items[].prices.subsidy.value", "{\"type\":\"number\",\"description\":\"Значение.\"}"))
                .as("a generic leaf counts its parent's name").isTrue();
        assertThat(money("[].vw", "{\"type\":\"string\",\"description\":\"Вознаграждение Вайлдберриз (ВВ), без НДС\"}"))
                .isTrue();
    }

    @Test
    void idsCodesRatesAndCountsAreNotMoney() throws Exception {
        assertThat(money("orders[].currencyCode", "{\"type\":\"integer\",\"description\":\"Код валюты продажи\"}"))
                .isFalse();
        assertThat(money("[].data[].amount", "{\"type\":\"integer\",\"description\":\"Остаток\"}"))
                .as("a stock amount is a count").isFalse();
        assertThat(money("[].paymentProcessing", "{\"type\":\"string\",\"description\":\"Тип платежа: компенсация\"}"))
                .isFalse();
        assertThat(money("[].sellerPromoDiscount", "{\"type\":\"number\",\"description\":\"Размер скидки, %\"}"))
                .as("a percentage").isFalse();
        assertThat(money("postings[].tariffication.current_tariff_rate",
                "{\"type\":\"number\",\"description\":\"Процент тарификации.\"}")).isFalse();
        assertThat(money("items[].price", "{\"type\":\"string\",\"enum\":[\"A\",\"B\"]}")).as("an enum").isFalse();
        assertThat(money("items[].payment_date", "{\"type\":\"string\",\"description\":\"Дата выплаты\"}")).isFalse();
    }

    @Test
    void oneCSumsAndPricesAreMoneyByTheirDefinedTypes() {
        Map<String, Boolean> fields = OneCMetadata.fields(Path.of("src/test/resources/contracts/1c/ut-11.5.18-metadata.md"),
                "InformationRegister_ЦеныНоменклатуры25_RecordType/SliceLast").stream()
                .collect(Collectors.toMap(AnswerFields.Field::path, AnswerFields.Field::money, (a, b) -> a));
        assertThat(fields).containsEntry("Цена", true).containsEntry("Номенклатура_Key", false)
                .containsEntry("ВидЦены_Key", false).containsKey("Period");
        assertThat(OneCMetadata.money("СуммаДокумента", "DefinedType.ДенежнаяСуммаЛюбогоЗнака")).isTrue();
        assertThat(OneCMetadata.money("Сумма", "decimal(15,2)")).as("УНФ's plain decimal sums").isTrue();
        assertThat(OneCMetadata.money("Количество", "Number(15,3)")).isFalse();
    }

    @Test
    void theResolverFollowsReferencesAcrossTheSplitMarketSpec() {
        SpecTree market = new SpecTree(Path.of("src/test/resources/contracts/yandex-market/openapi/openapi.yaml"));
        List<String> paths = AnswerFields.of(market.answer("POST", "/v1/businesses/{businessId}/orders", "200"))
                .stream().map(AnswerFields.Field::path).toList();
        assertThat(paths).contains("orders[].items[].prices.payment.value", "paging.nextPageToken");
        assertThat(market.answer("POST", "/v9/nothing", "200")).isNull();
    }
}
