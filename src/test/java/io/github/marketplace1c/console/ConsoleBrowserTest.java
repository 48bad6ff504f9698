package io.github.marketplace1c.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.ConsoleBrowser;
import io.github.marketplace1c.testing.FlowWorld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser (headless Chromium) against the application and the emulators on loopback:
 * what an integrator sees and does, checked where it lands (the API's data, the 1C emulator's documents).
 */
class ConsoleBrowserTest {

    @TempDir
    Path temp;

    /** Anything the page logged as an error, except the mappings page's probe for a services table that may not exist. */
    private static List<String> scriptErrors(ConsoleBrowser browser) {
        return browser.severeLogs().stream()
                .filter(m -> !(m.contains("/api/mappings/services") && m.contains("404"))).toList();
    }

    @Test
    void eachPageOpensWithDataAndWithoutScriptErrors() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of());
             ConsoleBrowser browser = ConsoleBrowser.start()) {
            world.start();
            world.runOrders();
            world.runFlow("ozon-stocks");
            JsonNode open = world.adminJson("GET", "/api/dead-letters?status=new", null);
            assertThat(open.size()).isPositive();
            String console = world.adminUrl("/console/");
            List<String> errors = new ArrayList<>();

            browser.open(world.adminUrl("/"));
            browser.login(FlowWorld.ADMIN_TOKEN);
            browser.visible("#flows tbody tr");
            browser.waitUntil(d -> !browser.all("#page .loading").isEmpty() == false);
            assertThat(browser.one("#open-dead-letters").getText()).isEqualTo(String.valueOf(open.size()));
            assertThat(browser.one("#accounts").getText()).contains("Ozon — ООО «Ромашка»").contains("Заказы");
            assertThat(browser.one("#failing").getText()).contains("Товар не сопоставлен");
            browser.screenshot("1-overview");
            errors.addAll(scriptErrors(browser));

            browser.page(console, "mappings?tab=products", "#mappings tbody tr");
            assertThat(browser.all("#mappings tbody tr")).isNotEmpty();
            browser.screenshot("2-mappings-products");
            browser.page(console, "mappings?tab=warehouses", "#mappings tbody tr");
            browser.page(console, "mappings?tab=accounts", "#account-refs tbody tr");
            assertThat(browser.one("#account-refs").getText()).contains("ozon-romashka").contains("задан")
                    .doesNotContain("sandbox-ozon");
            browser.screenshot("3-mappings-accounts");
            errors.addAll(scriptErrors(browser));

            browser.page(console, "dead-letters", "#dead-letters tbody tr");
            assertThat(browser.one("#groups").getText()).contains("Товар не сопоставлен").contains("UNMAPPED_PRODUCT");
            assertThat(browser.all("#dead-letters tbody tr")).hasSize(open.size());
            browser.screenshot("4-dead-letters");
            browser.all("#dead-letters tbody tr").get(0).click();
            browser.visible("dialog pre.payload");
            assertThat(browser.one("dialog pre.payload").getText()).contains("posting_number");
            assertThat(browser.one("dialog pre.error-text").getText()).isNotBlank();
            browser.screenshot("5-dead-letter-details");
            errors.addAll(scriptErrors(browser));

            browser.page(console, "journal", "#runs tbody tr");
            browser.visible("#records tbody tr");
            WebElement number = browser.visible("#records .onec-number");
            assertThat(number.getText()).isNotBlank();
            browser.screenshot("6-journal");
            errors.addAll(scriptErrors(browser));

            browser.page(console, "preview", "#preview-table tbody tr");
            assertThat(browser.one("#preview-box .summary").getText()).startsWith("Строк:");
            browser.screenshot("7-preview-stocks");
            browser.page(console, "preview?kind=prices", "#preview-table tbody tr");
            browser.screenshot("8-preview-prices");
            errors.addAll(scriptErrors(browser));

            assertThat(errors).isEmpty();
        }
    }
}
