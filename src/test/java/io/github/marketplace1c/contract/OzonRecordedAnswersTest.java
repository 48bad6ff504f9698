package io.github.marketplace1c.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.ozon.OzonPostingTranslator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Our Ozon posting translator on answers recorded by others (src/test/resources/recorded/ozon-postings). */
class OzonRecordedAnswersTest {

    @Test
    void aPostingInTheV3ShapeIsRefusedNamingItsPriceNotBookedAtAGuess() throws Exception {
        JsonNode page = new ObjectMapper().readTree(
                Path.of("src/test/resources/recorded/ozon-postings/v3-list-hand-written.json").toFile());
        JsonNode posting = page.path("result").path("postings").path(0);
        assertThat(posting.path("products").path(0).path("price").isNumber()).as("v3: a bare number").isTrue();

        assertThatThrownBy(() -> new OzonPostingTranslator().toOrder("ozon-romashka", posting))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("4567890123")
                .hasMessageContaining("price.amount");
    }
}
