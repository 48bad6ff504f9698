package io.github.marketplace1c.contract;

import io.github.marketplace1c.sandbox.yandexmarket.RecordedExchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The oracle itself: it must load the split spec with its $refs and reject what the spec rejects. */
class YandexMarketContractTest {

    private static final String PATH = "/v1/businesses/70000001/orders";
    private static final Map<String, String> AUTH = Map.of("Api-Key", "k", "Content-Type", "application/json");

    @Test
    void acceptsAValidAnswerFromSchemasReachedThroughRefs() {
        RecordedExchange ok = new RecordedExchange("POST", PATH, Map.of("limit", "10"), AUTH, "{}", 200, Map.of(),
                "{\"orders\":[],\"paging\":{}}");
        assertThat(YandexMarketContract.validateResponse(ok).hasErrors()).isFalse();
        YandexMarketContract.assertConforms(List.of(ok));
    }

    @Test
    void flagsAWrongTypedFieldDeepInAnOrder() {
        RecordedExchange bad = new RecordedExchange("POST", PATH, Map.of(), AUTH, "{}", 200, Map.of(),
                "{\"orders\":[{\"orderId\":1,\"campaignId\":2,\"status\":\"PROCESSING\",\"substatus\":\"STARTED\","
                        + "\"creationDate\":\"2026-11-02T12:00:00+03:00\",\"paymentType\":\"PREPAID\","
                        + "\"paymentMethod\":\"YANDEX\",\"fake\":false,\"items\":[{\"id\":1,\"offerId\":\"A\","
                        + "\"offerName\":\"a\",\"count\":\"two\"}],\"delivery\":{\"type\":\"PICKUP\","
                        + "\"serviceName\":\"s\",\"deliveryServiceId\":1,\"deliveryPartnerType\":\"YANDEX_MARKET\","
                        + "\"dates\":{\"fromDate\":\"2026-11-05\"}}}],\"paging\":{}}");
        assertThat(YandexMarketContract.validateResponse(bad).hasErrors()).isTrue();
        assertThatThrownBy(() -> YandexMarketContract.assertConforms(List.of(bad))).hasMessageContaining("count");
    }

    @Test
    void flagsAnAcceptedRequestTheSpecRejectsButNotATruncatedLimit() {
        RecordedExchange emptyStatuses = new RecordedExchange("POST", PATH, Map.of(), AUTH, "{\"statuses\":[]}", 200,
                Map.of(), "{\"orders\":[]}");
        assertThatThrownBy(() -> YandexMarketContract.assertConforms(List.of(emptyStatuses)))
                .hasMessageContaining("accepted a request");

        RecordedExchange bigLimit = new RecordedExchange("POST", PATH, Map.of("limit", "51"), AUTH, "{}", 200,
                Map.of(), "{\"orders\":[],\"paging\":{}}");
        assertThat(YandexMarketContract.validateRequest(bigLimit).hasErrors()).as("the schema's maximum").isTrue();
        YandexMarketContract.assertConforms(List.of(bigLimit));
    }

    @Test
    void checksUndeclaredStatusesByBodyShape() {
        assertThat(YandexMarketContract.errorBodyProblem(
                "{\"status\":\"ERROR\",\"errors\":[{\"code\":\"INTERNAL_ERROR\",\"message\":\"m\"}]}")).isNull();
        assertThat(YandexMarketContract.errorBodyProblem("{\"error\":\"x\"}")).isNotNull();
    }

    @Test
    void knowsTheReportOperations() {
        RecordedExchange done = new RecordedExchange("GET", "/v2/reports/info/abc", Map.of(), Map.of("Api-Key", "k"), "",
                200, Map.of(), "{\"status\":\"OK\",\"result\":{\"status\":\"DONE\",\"generationRequestedAt\":"
                + "\"2026-11-07T09:00:00+03:00\",\"file\":\"http://127.0.0.1/f.json\"}}");
        YandexMarketContract.assertConforms(List.of(done));
        RecordedExchange unknownStatus = new RecordedExchange("GET", "/v2/reports/info/abc", Map.of(),
                Map.of("Api-Key", "k"), "", 200, Map.of(), "{\"status\":\"OK\",\"result\":{\"status\":\"READY\","
                + "\"generationRequestedAt\":\"2026-11-07T09:00:00+03:00\"}}");
        assertThatThrownBy(() -> YandexMarketContract.assertConforms(List.of(unknownStatus))).hasMessageContaining("READY");
        RecordedExchange noCampaign = new RecordedExchange("POST", "/v2/reports/goods-realization/generate",
                Map.of("format", "JSON"), AUTH, "{\"year\":2026,\"month\":10}", 200, Map.of(),
                "{\"status\":\"OK\",\"result\":{\"reportId\":\"r\",\"estimatedGenerationTime\":1}}");
        assertThatThrownBy(() -> YandexMarketContract.assertConforms(List.of(noCampaign)))
                .hasMessageContaining("campaignId");
    }
}
