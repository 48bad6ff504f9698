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
}
