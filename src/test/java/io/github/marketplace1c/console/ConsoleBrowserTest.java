package io.github.marketplace1c.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.ConsoleBrowser;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.OneCOrders;
import io.github.marketplace1c.testing.OzonSeedExpectations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser (headless Chromium) against the application and the emulators on loopback:
 * what an integrator sees and does, checked where it lands (the API's data, the 1C emulator's documents).
 */
class ConsoleBrowserTest {

    @TempDir
    Path temp;

    /** Anything the page logged as an error: a script error, a failed call. */
    private static List<String> scriptErrors(ConsoleBrowser browser) {
        return browser.severeLogs();
    }

    @Test
    void eachPageOpensWithDataAndWithoutScriptErrors() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
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
            browser.page(console, "mappings?tab=unmapped", "#unmapped tbody tr");
            assertThat(browser.one("#unmapped").getText()).contains("RM-NTB-009").contains("заказы")
                    .contains("загрузите каталоги");
            browser.page(console, "mappings?tab=suggestions", "#catalog-pull");
            browser.one("#catalog-pull").click();
            browser.waitForText("#pull-box", "Каталоги загружены");
            browser.visible("#suggestions tbody tr");
            browser.page(console, "mappings?tab=unmapped", "#unmapped tbody tr");
            assertThat(browser.one("#unmapped").getText()).contains("каталог").contains("штрихкод");
            browser.screenshot("2b-mappings-unmapped");
            browser.page(console, "mappings?tab=suggestions&account=wb-romashka", "#suggestions tbody tr");
            int exact = world.adminJson("GET", "/api/suggestions?account=wb-romashka&status=new&exact=true&evidence=barcode",
                    null).size();
            assertThat(exact).isPositive();
            browser.one("#accept-exact").click();
            browser.waitForText("#toasts", "Принято точных пар (штрихкод): " + exact);
            assertThat(world.adminJson("GET", "/api/suggestions?account=wb-romashka&status=accepted", null).size())
                    .isEqualTo(exact);
            assertThat(world.adminJson("GET", "/api/suggestions?account=wb-romashka&status=new&exact=true&evidence=barcode",
                    null)).isEmpty();
            assertThat(world.adminJson("GET", "/api/mappings/products?account=wb-romashka&marketplace=wildberries", null)
                    .findValuesAsText("accountId")).filteredOn("wb-romashka"::equals).hasSizeGreaterThanOrEqualTo(exact);
            errors.addAll(scriptErrors(browser));
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
            browser.one("#preview-csv").click();
            assertThat(browser.downloaded("prices-preview.csv")).startsWith("\uFEFF").contains("RM-TEA-001");
            errors.addAll(scriptErrors(browser));

            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aWrongTokenGetsNoDataAndAClearMessage() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runOrders();

            browser.open(world.adminUrl("/console/"));
            browser.login("wrong-token-0123456789");

            browser.waitForText("#login-message", "Токен не подошёл");
            assertThat(browser.one("#nav").isDisplayed()).isFalse();
            assertThat(browser.one("#page").isDisplayed()).isFalse();
            assertThat(browser.all("#page *")).isEmpty();
            assertThat(browser.script("return sessionStorage.getItem('mp1c.adminToken')")).isNull();
            browser.screenshot("0-login-wrong-token");

            // a stale token in the tab: the page it opens falls back to the login form, with no rows shown
            browser.script("sessionStorage.setItem('mp1c.adminToken', 'stale-token-0123456789')");
            browser.open(world.adminUrl("/console/#/dead-letters"));
            browser.waitForText("#login-message", "401");
            assertThat(browser.all("#page tbody tr")).isEmpty();
            assertThat(browser.driver.getPageSource()).doesNotContain("ozon-romashka").doesNotContain("UNMAPPED_PRODUCT");
            // the files of the console hold no data: what the page shows comes from /api with the token
            for (String file : List.of("/console/", "/console/js/main.js", "/console/js/pages/overview.js")) {
                assertThat(world.admin("GET", file, null, null).body()).doesNotContain("ozon-romashka")
                        .doesNotContain(FlowWorld.ADMIN_TOKEN);
            }
        }
    }

    @Test
    void aCsvWithOneBadRowIsReportedByLineAndNothingIsImported() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            SandboxData.Item tea = SandboxData.ITEMS.get(0);
            Path csv = temp.resolve("товары.csv");
            Files.writeString(csv, "marketplace;account;product_key;nomenclature_ref;characteristic_ref;name;note\n"
                    + "ozon;ozon-romashka;CSV-OK-1;" + tea.nomenclatureRef() + ";;Чай из файла;\n"
                    + "ozon;ozon-romashka;CSV-OK-2;" + tea.nomenclatureRef() + ";;Чай из файла 2;\n"
                    + "ozon;ozon-romashka;CSV-BAD-3;Чай чёрный;;строка с названием вместо ссылки;\n",
                    StandardCharsets.UTF_8);

            browser.open(world.adminUrl("/console/"));
            browser.login(FlowWorld.ADMIN_TOKEN);
            browser.visible("#flows");
            browser.page(world.adminUrl("/console/"), "mappings?tab=products", "#mappings tbody tr");
            browser.one("#csv-file").sendKeys(csv.toAbsolutePath().toString());
            browser.one("#csv-import").click();

            WebElement report = browser.visible("#import-rejected");
            assertThat(report.getText()).contains("ничего не импортировано").contains("Строк с ошибками: 1");
            List<WebElement> rejected = browser.all("#rejected-rows tbody tr");
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).findElement(By.cssSelector("td")).getText()).isEqualTo("4");
            assertThat(rejected.get(0).getText()).contains("'Чай чёрный' is not a 1C reference");
            browser.screenshot("9-mappings-csv-rejected");
            assertThat(world.adminJson("GET", "/api/mappings/products?search=CSV-", null)).isEmpty();

            // the export is the table as it is: the sandbox's rows, none of the rejected file's
            browser.one("#csv-export").click();
            String exported = browser.downloaded("products.csv");
            assertThat(exported).startsWith("\uFEFFmarketplace;account;product_key;nomenclature_ref")
                    .contains("ozon;;RM-TEA-001;" + tea.nomenclatureRef()).doesNotContain("CSV-OK-1");
            assertThat(scriptErrors(browser)).allMatch(m -> m.contains("/api/mappings/products/import") && m.contains("422"));
        }
    }

    @Test
    void anUnmappedProductIsMappedFromTheConsoleAndItsOrderReaches1C() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runOrders();
            OneCOrders orders = new OneCOrders(world.onec);
            JsonNode letter = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new&account=ozon-romashka",
                    null).get(0);
            String posting = letter.path("recordKey").asText();
            String offer = world.adminJson("GET", "/api/dead-letters/" + letter.path("id").asText(), null)
                    .path("productKeys").asText().replace(",", "");
            SandboxData.Item item = OzonSeedExpectations.offer(offer).item();
            assertThat(orders.one(posting)).isEmpty();

            browser.open(world.adminUrl("/console/"));
            browser.login(FlowWorld.ADMIN_TOKEN);
            browser.visible("#flows");
            browser.page(world.adminUrl("/console/"), "dead-letters?reason=UNMAPPED_PRODUCT", "#dead-letters tbody tr");
            browser.all("#dead-letters tbody tr").stream().filter(r -> r.getText().contains(posting)).findFirst()
                    .orElseThrow().click();
            browser.waitForText("dialog .props", offer);
            browser.page(world.adminUrl("/console/"), "mappings?tab=products", "#mappings tbody tr");
            browser.one("#mapping-add").click();
            browser.visible("#mapping-form");
            new org.openqa.selenium.support.ui.Select(browser.one("#mapping-form select[name=marketplace]")).selectByValue("ozon");
            browser.one("#mapping-form input[name=key]").sendKeys(offer);
            browser.one("#mapping-form input[name=ref]").sendKeys(item.nomenclatureRef());
            browser.one("#mapping-form input[name=name]").sendKeys(item.name());
            browser.one("#mapping-form button[type=submit]").click();
            browser.waitForText("#toasts", "Сохранено");

            assertThat(browser.one("#toasts").getText()).contains("проведено");
            ObjectNode doc = orders.one(posting).orElseThrow();
            assertThat(doc.path("Posted").asBoolean()).isTrue();
            assertThat(doc.path("Товары").toString()).contains(item.nomenclatureRef());
            browser.page(world.adminUrl("/console/"), "journal?key=" + posting, "#records tbody tr");
            assertThat(browser.one("#records").getText()).contains(doc.path("Number").asText());
            assertThat(world.adminJson("GET", "/api/dead-letters/" + letter.path("id").asText(), null).path("status").asText())
                    .isEqualTo("replayed");
            assertThat(scriptErrors(browser)).isEmpty();
        }
    }

    /**
     * The integrator's daily round: a dead letter for an unmapped product, its suggestion from the catalog pull
     * accepted in the console, and the order that waited for it lands in 1C.
     */
    @Test
    void aDeadLetterForAnUnmappedProductIsClearedByAcceptingItsSuggestion() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            world.runOrders();
            OneCOrders orders = new OneCOrders(world.onec);
            JsonNode waiting = world.adminJson("GET",
                    "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=new&account=ozon-romashka", null);
            assertThat(waiting.size()).isPositive();
            List<String> postings = new ArrayList<>();
            waiting.forEach(l -> postings.add(l.path("recordKey").asText()));
            String offer = world.adminJson("GET", "/api/dead-letters/" + waiting.get(0).path("id").asText(), null)
                    .path("productKeys").asText().replace(",", "");
            SandboxData.Item item = OzonSeedExpectations.offer(offer).item();
            postings.forEach(p -> assertThat(orders.one(p)).isEmpty());
            String console = world.adminUrl("/console/");

            browser.open(console);
            browser.login(FlowWorld.ADMIN_TOKEN);
            browser.visible("#flows");
            browser.page(console, "dead-letters?reason=UNMAPPED_PRODUCT&account=ozon-romashka", "#dead-letters tbody tr");
            browser.all("#dead-letters tbody tr").stream().filter(r -> r.getText().contains(postings.get(0))).findFirst()
                    .orElseThrow().click();
            browser.visible("dialog a.to-suggestions").click();
            browser.visible("#catalog-pull");
            browser.one("#catalog-pull").click();
            browser.visible("#pull-progress");
            browser.waitForText("#pull-box", "Каталоги загружены");
            browser.visible("#suggestions tbody tr");
            browser.screenshot("10-mappings-suggestions");

            WebElement row = browser.all("#suggestions tbody tr").stream()
                    .filter(r -> r.getText().contains(offer) && r.getText().contains("Ромашка")).findFirst().orElseThrow();
            assertThat(row.getText()).contains(item.name().replace("\"", ""));
            row.findElement(By.cssSelector("button.accept")).click();
            browser.waitForText("#toasts", "Принято");

            assertThat(browser.one("#toasts").getText()).contains("проведено: " + postings.size());
            for (String posting : postings) {
                ObjectNode doc = orders.one(posting).orElseThrow();
                assertThat(doc.path("Posted").asBoolean()).isTrue();
                assertThat(doc.path("Товары").toString()).contains(item.nomenclatureRef());
            }
            browser.page(console, "dead-letters?reason=UNMAPPED_PRODUCT&account=ozon-romashka", "#groups");
            assertThat(browser.all("#dead-letters tbody tr")).isEmpty();
            browser.page(console, "dead-letters?status=replayed&account=ozon-romashka", "#dead-letters tbody tr");
            assertThat(browser.all("#dead-letters tbody tr")).hasSize(postings.size());
            assertThat(scriptErrors(browser)).isEmpty();
        }
    }

    @Test
    void aGroupIsReplayedWithProgressItsOrdersReach1CAndAnotherIsDiscardedWithANote() throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.start();
             FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of(
                "mp1c.retry.maxRedeliveries", "1", "mp1c.retry.initialDelayMs", "10", "mp1c.retry.maxDelayMs", "20"))) {
            world.start();
            OneCOrders orders = new OneCOrders(world.onec);
            world.onec.faults().armStatus(Faults.Kind.SERVER_ERROR, 503, Faults.ALWAYS, "/odata/");
            world.runOrders();
            int parked = world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null).size();
            assertThat(parked).isPositive();
            assertThat(orders.all()).isEmpty();
            world.onec.faults().clear();
            String console = world.adminUrl("/console/");

            browser.open(console);
            browser.login(FlowWorld.ADMIN_TOKEN);
            browser.visible("#flows");
            browser.page(console, "dead-letters", "#groups");
            WebElement group = browser.one(".group[data-reason=ONEC_UNAVAILABLE]");
            assertThat(group.findElement(By.cssSelector(".group-count")).getText()).isEqualTo(String.valueOf(parked));
            group.findElement(By.cssSelector("button[data-action=replay]")).click();
            browser.visible("#bulk-start").click();
            browser.waitForText("#bulk-summary", "Готово");

            assertThat(browser.one("#bulk-progress").getAttribute("aria-valuenow")).isEqualTo(String.valueOf(parked));
            assertThat(browser.one("#bulk-progress").getText()).contains(parked + " из " + parked);
            browser.screenshot("11-dead-letters-bulk-replay");
            int cancelled = SandboxData.OZON_ACCOUNTS.stream()
                    .mapToInt(a -> OzonSeedExpectations.of(world.ozon, a).cancelled().size()).sum();
            assertThat(orders.all()).hasSize(parked - cancelled);
            assertThat(browser.one("#bulk-summary").getText()).contains("снова не прошли 0");
            assertThat(world.adminJson("GET", "/api/dead-letters?reason=ONEC_UNAVAILABLE&status=new", null)).isEmpty();

            // the other group (unmapped products) discarded as a whole: a note is required, and kept on each
            browser.one("dialog .close").click();
            browser.page(console, "dead-letters", "#groups");
            WebElement unmapped = browser.one(".group[data-reason=UNMAPPED_PRODUCT]");
            int toDiscard = Integer.parseInt(unmapped.findElement(By.cssSelector(".group-count")).getText());
            unmapped.findElement(By.cssSelector("button[data-action=discard]")).click();
            browser.visible("#bulk-start").click();
            browser.waitForText("#bulk-summary", "Напишите, почему");
            browser.one("dialog input[type=text]").sendKeys("снято с продажи");
            browser.one("#bulk-start").click();
            browser.waitForText("#bulk-summary", "Отклонено " + toDiscard);
            JsonNode discarded = world.adminJson("GET", "/api/dead-letters?reason=UNMAPPED_PRODUCT&status=discarded", null);
            assertThat(discarded).hasSize(toDiscard);
            assertThat(discarded.findValuesAsText("note")).containsOnly("снято с продажи");
            assertThat(world.adminJson("GET", "/api/dead-letters?status=new", null)).isEmpty();
            assertThat(scriptErrors(browser)).isEmpty();
        }
    }
}
