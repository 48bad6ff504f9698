package io.github.marketplace1c.contract;

import io.github.marketplace1c.sandbox.ozon.RecordedExchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The oracle itself: it must reject what the spec rejects, or every green contract test means nothing. */
class OzonContractTest {

    private static final Map<String, String> AUTH = Map.of("Client-Id", "100001", "Api-Key", "k",
            "Content-Type", "application/json");

    @Test
    void flagsAWrongTypedFieldInAnAnswer() {
        RecordedExchange bad = new RecordedExchange("POST", "/v4/posting/fbs/list", AUTH,
                "{\"limit\":1,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}}", 200,
                "{\"cursor\":\"\",\"has_next\":\"no\",\"postings\":[]}");
        assertThat(OzonContract.validateResponse(bad).hasErrors()).isTrue();
        assertThatThrownBy(() -> OzonContract.assertConforms(List.of(bad))).hasMessageContaining("has_next");
    }

    @Test
    void flagsAnAcceptedRequestTheSpecRejects() {
        RecordedExchange accepted = new RecordedExchange("POST", "/v4/posting/fbs/list", AUTH,
                "{\"limit\":101,\"filter\":{\"since\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}}", 200,
                "{\"cursor\":\"\",\"has_next\":false,\"postings\":[]}");
        assertThatThrownBy(() -> OzonContract.assertConforms(List.of(accepted))).hasMessageContaining("accepted a request");
    }

    @Test
    void checksUndeclaredStatusesByBodyShape() {
        assertThat(OzonContract.rpcStatusProblem("{\"code\":8,\"message\":\"m\",\"details\":[]}")).isNull();
        assertThat(OzonContract.rpcStatusProblem("{\"error\":\"x\"}")).isNotNull();
    }

    @Test
    void flagsAWrongTypedRealizationRowAndAnAccrualRequestWithoutLastId() {
        RecordedExchange row = new RecordedExchange("POST", "/v2/finance/realization", AUTH,
                "{\"month\":10,\"year\":2026}", 200, "{\"result\":{\"header\":{\"number\":\"1\"},\"rows\":["
                + "{\"rowNumber\":1,\"delivery_commission\":{\"quantity\":\"two\",\"amount\":10.5}}]}}");
        assertThatThrownBy(() -> OzonContract.assertConforms(List.of(row))).hasMessageContaining("quantity");
        RecordedExchange noLastId = new RecordedExchange("POST", "/v1/finance/accrual/by-day", AUTH,
                "{\"date\":\"2026-10-05\"}", 200, "{\"accruals\":[],\"last_id\":\"\"}");
        assertThatThrownBy(() -> OzonContract.assertConforms(List.of(noLastId))).hasMessageContaining("last_id");
        RecordedExchange numberAmount = new RecordedExchange("POST", "/v1/finance/accrual/by-day", AUTH,
                "{\"date\":\"2026-10-05\",\"last_id\":\"\"}", 200,
                "{\"accruals\":[{\"accrual_id\":1,\"total_amount\":{\"amount\":-76.0,\"currency\":\"RUB\"}}],"
                + "\"last_id\":\"\"}");
        assertThatThrownBy(() -> OzonContract.assertConforms(List.of(numberAmount))).as("accrual money is a string")
                .hasMessageContaining("amount");
    }

    @Test
    void acceptsTheNotPublishedYetAnswerTheSpecDeclares() {
        RecordedExchange notYet = new RecordedExchange("POST", "/v2/finance/realization", AUTH,
                "{\"month\":11,\"year\":2026}", 404, "{\"code\":5,\"message\":\"realization report not found\","
                + "\"details\":[]}");
        OzonContract.assertConforms(List.of(notYet));
    }
}
