package io.github.marketplace1c.contract;

import io.github.marketplace1c.sandbox.wildberries.RecordedExchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The oracle itself: it must reject what the spec rejects, or every green contract test means nothing. */
class WildberriesContractTest {

    private static final Map<String, String> AUTH = Map.of("Authorization", "t");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Test
    void flagsAWrongTypedFieldInAnAnswer() {
        RecordedExchange bad = new RecordedExchange("GET", "/api/v3/orders", "limit=10&next=0", AUTH, "", 200, JSON,
                "{\"next\":0,\"orders\":[{\"id\":1,\"price\":\"349.00\"}]}");
        assertThat(WildberriesContract.validateResponse(bad).hasErrors()).isTrue();
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(bad))).hasMessageContaining("price");
    }

    @Test
    void flagsAStatusOutsideTheSpecsEnum() {
        RecordedExchange bad = new RecordedExchange("POST", "/api/v3/orders/status", "", AUTH, "{\"orders\":[1]}", 200,
                JSON, "{\"orders\":[{\"id\":1,\"isCancellable\":false,\"supplierStatus\":\"cancel_carrier\","
                + "\"wbStatus\":\"waiting\"}]}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(bad))).hasMessageContaining("supplierStatus");
    }

    @Test
    void flagsAnAcceptedRequestTheSpecRejects() {
        String ok = "{\"next\":0,\"orders\":[]}";
        RecordedExchange noLimit = new RecordedExchange("GET", "/api/v3/orders", "next=0", AUTH, "", 200, JSON, ok);
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(noLimit)))
                .hasMessageContaining("accepted a request");
        RecordedExchange tooMany = new RecordedExchange("GET", "/api/v3/orders", "limit=1001&next=0", AUTH, "", 200,
                JSON, ok);
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(tooMany)))
                .hasMessageContaining("accepted a request");
        RecordedExchange noToken = new RecordedExchange("GET", "/api/v3/orders/new", "", Map.of(), "", 200, JSON,
                "{\"orders\":[]}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(noToken)))
                .hasMessageContaining("accepted a request");
        RecordedExchange empty = new RecordedExchange("POST", "/api/v3/orders/status", "", AUTH, "{\"orders\":[]}", 200,
                JSON, "{\"orders\":[]}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(empty)))
                .hasMessageContaining("accepted a request");
    }

    @Test
    void acceptsTheSpecsOwnExamples() {
        RecordedExchange unauthorized = new RecordedExchange("GET", "/api/v3/orders/new", "", Map.of(), "", 401, JSON,
                "{\"title\":\"unauthorized\",\"detail\":\"token problem\",\"code\":\"x\",\"requestId\":\"r\","
                        + "\"origin\":\"s2s-api-auth-catalog\",\"status\":401,\"statusText\":\"Unauthorized\","
                        + "\"timestamp\":\"2024-09-30T06:52:38Z\"}");
        RecordedExchange badRequest = new RecordedExchange("GET", "/api/v3/orders", "limit=0&next=0", AUTH, "", 400,
                JSON, "{\"code\":\"IncorrectParameter\",\"message\":\"Передан некорректный параметр\",\"data\":null}");
        WildberriesContract.assertConforms(List.of(unauthorized, badRequest));
    }

    @Test
    void checksUndeclaredStatusesByBodyShape() {
        assertThat(WildberriesContract.errorBodyProblem("{\"code\":\"IncorrectParameter\",\"message\":\"m\",\"data\":null}"))
                .isNull();
        assertThat(WildberriesContract.errorBodyProblem("{\"title\":\"t\",\"detail\":\"d\",\"code\":\"c\","
                + "\"requestId\":\"r\",\"origin\":\"o\",\"status\":500,\"statusText\":\"s\",\"timestamp\":\"t\"}")).isNull();
        assertThat(WildberriesContract.errorBodyProblem("{\"error\":\"x\"}")).isNotNull();
        RecordedExchange server = new RecordedExchange("GET", "/api/v3/orders/new", "", AUTH, "", 500, JSON,
                "{\"error\":true}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(server))).hasMessageContaining("neither");
    }

    // ---- 13-finances.yaml: realization reports ------------------------------------------------------------

    @Test
    void aNarrowedReportRowIsAcceptedOnlyWhenFieldsAskedForIt() {
        String row = "[{\"rrdId\":1,\"nmId\":2,\"forPay\":\"376.99\"}]";
        RecordedExchange full = new RecordedExchange("POST", "/api/finance/v1/sales-reports/detailed/7", "", AUTH,
                "{\"limit\":10,\"rrdId\":0}", 200, JSON, row);
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(full))).hasMessageContaining("required");
        RecordedExchange narrowed = new RecordedExchange("POST", "/api/finance/v1/sales-reports/detailed/7", "", AUTH,
                "{\"limit\":10,\"rrdId\":0,\"fields\":[\"nmId\",\"forPay\"]}", 200, JSON, row);
        WildberriesContract.assertConforms(List.of(narrowed));
        RecordedExchange numberMoney = new RecordedExchange("POST", "/api/finance/v1/sales-reports/detailed/7", "",
                AUTH, "{\"limit\":10,\"rrdId\":0,\"fields\":[\"forPay\"]}", 200, JSON,
                "[{\"rrdId\":1,\"forPay\":376.99}]");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(numberMoney)))
                .hasMessageContaining("forPay");
    }

    // ---- 02-items.yaml: stocks and prices ------------------------------------------------------------------

    @Test
    void stocksAndPricesAreCheckedAgainstTheItemsSpec() {
        RecordedExchange tooBig = new RecordedExchange("PUT", "/api/v3/stocks/1", "", AUTH,
                "{\"stocks\":[{\"chrtId\":1,\"amount\":100001}]}", 204, Map.of(), "");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(tooBig)))
                .hasMessageContaining("accepted a request");
        RecordedExchange stringAmount = new RecordedExchange("PUT", "/api/v3/stocks/1", "", AUTH,
                "{\"stocks\":[{\"chrtId\":1,\"amount\":\"5\"}]}", 204, Map.of(), "");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(stringAmount)))
                .hasMessageContaining("accepted a request");
        RecordedExchange bodyOn204 = new RecordedExchange("PUT", "/api/v3/stocks/1", "", AUTH,
                "{\"stocks\":[{\"chrtId\":1,\"amount\":5}]}", 204, JSON, "{}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(bodyOn204)))
                .hasMessageContaining("204 with a body");
        RecordedExchange goodsPriceAsText = new RecordedExchange("GET", "/api/v2/history/goods/task",
                "uploadID=1&limit=10", AUTH, "", 200, JSON,
                "{\"data\":{\"uploadID\":1,\"historyGoods\":[{\"nmID\":1,\"price\":\"349.00\",\"status\":2}]}}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(goodsPriceAsText)))
                .hasMessageContaining("price");
        RecordedExchange uploadWithoutData = new RecordedExchange("POST", "/api/v2/upload/task", "", AUTH,
                "{\"prices\":[]}", 200, JSON, "{\"data\":{\"id\":1,\"alreadyExists\":false},\"error\":false,"
                + "\"errorText\":\"\"}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(uploadWithoutData)))
                .hasMessageContaining("accepted a request");
        RecordedExchange goodsWithoutLimit = new RecordedExchange("GET", "/api/v2/history/goods/task", "uploadID=1",
                AUTH, "", 200, JSON, "{\"data\":{\"uploadID\":null,\"historyGoods\":null}}");
        assertThatThrownBy(() -> WildberriesContract.assertConforms(List.of(goodsWithoutLimit)))
                .hasMessageContaining("accepted a request");
    }

    @Test
    void acceptsTheItemsSpecsOwnShapes() {
        RecordedExchange misspelt = new RecordedExchange("PUT", "/api/v3/stocks/1", "", AUTH,
                "{\"stocks\":[{\"chrtID\":1,\"amount\":5}]}", 204, Map.of(), "");
        RecordedExchange conflict = new RecordedExchange("PUT", "/api/v3/stocks/1", "", AUTH,
                "{\"stocks\":[{\"chrtId\":1,\"amount\":5}]}", 409, JSON,
                "[{\"code\":\"NotFound\",\"message\":\"Not found\",\"data\":[{\"chrtId\":1,\"amount\":5}]}]");
        RecordedExchange duplicate = new RecordedExchange("POST", "/api/v2/upload/task", "", AUTH,
                "{\"data\":[{\"nmID\":1,\"price\":999,\"discount\":30}]}", 208, JSON,
                "{\"data\":{\"id\":1111111,\"alreadyExists\":true},\"error\":false,"
                        + "\"errorText\":\"This task already exists\"}");
        RecordedExchange limited = new RecordedExchange("GET", "/api/v2/history/tasks", "uploadID=1", AUTH, "", 429,
                Map.of("Content-Type", "application/problem+json"),
                "{\"title\":\"too many requests\",\"detail\":\"limited by x\",\"code\":\"x\",\"requestId\":\"r\","
                        + "\"origin\":\"s2s-api-auth-catalog\",\"status\":429,\"statusText\":\"Too Many Requests\","
                        + "\"timestamp\":\"2024-09-30T06:52:38Z\"}");
        WildberriesContract.assertConforms(List.of(misspelt, conflict, duplicate, limited));
    }
}
