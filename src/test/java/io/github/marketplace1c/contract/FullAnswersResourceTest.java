package io.github.marketplace1c.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The full-answers schemas in the jar are what the specs and docs/contracts.md give today. */
class FullAnswersResourceTest {

    @Test
    void theJarsSchemasAreTheSpecsAndTheContractsPage() throws Exception {
        if (Boolean.getBoolean("mp1c.contracts.write")) {
            FullAnswersResource.write();
        }
        JsonNode built = FullAnswersResource.build();
        JsonNode shipped = new ObjectMapper().readTree(Files.readString(FullAnswersResource.FILE));
        assertThat(shipped).as(FullAnswersResource.FILE + " is stale: regenerate it with"
                + " mvn test -Dtest=FullAnswersResourceTest -Dmp1c.contracts.write=true").isEqualTo(built);
        assertThat(Files.size(FullAnswersResource.FILE)).as("bytes in the jar").isLessThan(400_000);
        assertThat(built.path("ozon").path("POST /v4/posting/fbs/list").path("properties").path("postings")
                .path("items").path("properties").path("products").path("items").path("properties").path("price")
                .path("properties").path("amount").path("x-mp1c-money").asText()).isEqualTo("read");
    }
}
