package io.github.marketplace1c.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.ConsoleBrowser;
import io.github.marketplace1c.testing.FlowWorld;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marketplace's text is shown as text (issue 14): an Ozon posting whose offer_id is an HTML payload parks a dead
 * letter naming it, and neither the API's answer nor the console's dead-letter page runs it.
 */
class DeadLetterTextBrowserTest {

    private static final String PAYLOAD = "<img src=x onerror=\"window.__mp1cXss=1\">";

    @TempDir
    Path temp;

    @Test
    void aDeadLetterHoldingHtmlIsShownAsText() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            String clientId = SandboxData.OZON_ROMASHKA.clientId();
            ObjectNode posting = io.github.marketplace1c.testing.OzonSeedExpectations.of(world.ozon,
                    SandboxData.OZON_ROMASHKA).orders().get(0).deepCopy();
            posting.put("posting_number", "0000099999-0001-1");
            ((ObjectNode) posting.path("products").get(0)).put("offer_id", PAYLOAD);
            world.ozon.postings().add(clientId, posting);
            world.runOrders();

            JsonNode letter = null;
            for (JsonNode l : world.adminJson("GET", "/api/dead-letters?status=new&account=ozon-romashka", null)) {
                letter = "0000099999-0001-1".equals(l.path("recordKey").asText()) ? l : letter;
            }
            assertThat(letter).as("the posting's dead letter").isNotNull();
            assertThat(letter.path("message").asText()).contains(PAYLOAD);
            // the API's answer is JSON that a browser never sniffs as a page
            HttpResponse<String> answer = world.admin("GET", "/api/dead-letters/" + letter.path("id").asText(), null);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

            browser.open(world.adminUrl("/"));
            browser.login(FlowWorld.ADMIN_TOKEN);
            browser.page(world.adminUrl("/console/"), "dead-letters?account=ozon-romashka", "#dead-letters tbody tr");
            browser.all("#dead-letters tbody tr").stream().filter(r -> r.getText().contains("0000099999-0001-1"))
                    .findFirst().orElseThrow().click();
            browser.visible("dialog pre.error-text");

            assertThat(browser.one("dialog pre.error-text").getText()).contains(PAYLOAD);
            assertThat(browser.one("dialog pre.payload").getText()).contains("onerror");
            assertThat(browser.script("return document.querySelectorAll('img[src=\"x\"]').length")).isEqualTo(0L);
            assertThat(browser.script("return window.__mp1cXss === undefined")).isEqualTo(true);
            browser.screenshot("dead-letter-html-as-text");
        }
    }
}
