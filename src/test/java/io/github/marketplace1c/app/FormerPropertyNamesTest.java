package io.github.marketplace1c.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import io.github.marketplace1c.testing.MarketplaceUnderTest;
import io.github.marketplace1c.testing.OneCOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Config written with the former spelling mp1c.yandexMarket.* keeps working, and says what to rename. */
class FormerPropertyNamesTest {

    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FormerPropertyNames.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void anApplicationConfiguredWithTheFormerNameLoadsYandexMarketOrdersAndSaysWhatToRename() throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.yandexMarket.orders.pageSize", "3"))) {
            world.renameSetting("mp1c.yandex-market.baseUrl", "mp1c.yandexMarket.baseUrl").start();

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            assertThat(runs).isNotEmpty();
            // a route file that still names the former spelling resolves too
            assertThat(world.app().context().resolvePropertyPlaceholders("{{mp1c.yandexMarket.orders.cron}}"))
                    .isEqualTo(world.app().context().resolvePropertyPlaceholders("{{mp1c.yandex-market.orders.cron}}"))
                    .isNotBlank();
            OneCOrders orders = new OneCOrders(world.onec);
            for (Journal.RunSummary run : runs) {
                assertThat(run.status()).as(run.accountId()).isEqualTo("OK");
                assertThat(run.done()).as(run.accountId()).isPositive();
            }
            ObjectNode any = orders.all().get(0);
            assertThat(any.path("Комментарий").asText()).startsWith("Яндекс Маркет, кабинет «");
            // a page of 3 (the former name's value) means more than one page was asked for
            assertThat(world.yandexMarket.recorded().stream().filter(c -> c.path().endsWith("/orders")).count())
                    .isGreaterThan(runs.size());
        }
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("mp1c.yandexMarket.baseUrl")
                .contains("mp1c.yandex-market.baseUrl").contains("rename"));
        assertThat(warnings()).filteredOn(w -> w.contains("mp1c.yandexMarket.baseUrl")).hasSize(1);
    }

    @Test
    void whereBothNamesAreGivenTheNewOneIsUsed() throws Exception {
        MarketplaceUnderTest marketplace = MarketplaceUnderTest.of("yandex-market");
        // the former name points at a port nothing listens on: a run that used it would fail
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.yandexMarket.baseUrl", "http://127.0.0.1:9"))) {
            world.start();

            List<Journal.RunSummary> runs = world.runFlow(marketplace.flow());

            assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.status()).isEqualTo("OK"));
        }
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("both are set")
                .contains("mp1c.yandex-market.baseUrl is used, mp1c.yandexMarket.baseUrl is ignored"));
    }

    @Test
    void aConfigFileWithFormerNamesIsReadUnderTheNewOnesAndTheProfileFileStillOverrides() throws Exception {
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("application.properties"), """
                mp1c.yandex-market.baseUrl = https://api.partner.market.yandex.ru
                mp1c.yandex-market.orders.pageSize = 50
                mp1c.yandexMarket.orders.lookBackDays = 14
                mp1c.sandbox.yandexMarket.port = 18099
                mp1c.ozon.baseUrl = https://api-seller.ozon.ru
                """);
        Files.writeString(config.resolve("application-prod.properties"), """
                mp1c.yandexMarket.baseUrl = http://127.0.0.1:18084
                mp1c.yandexMarket.orders.pageSize = 20
                mp1c.yandex-market.orders.pageSize = 30
                """);

        Properties loaded = PropertyFiles.load(config, "prod");

        assertThat(loaded.getProperty("mp1c.yandex-market.baseUrl")).isEqualTo("http://127.0.0.1:18084");
        assertThat(loaded.getProperty("mp1c.yandex-market.orders.pageSize")).isEqualTo("30");
        assertThat(loaded.getProperty("mp1c.yandex-market.orders.lookBackDays")).isEqualTo("14");
        assertThat(loaded.getProperty("mp1c.sandbox.yandex-market.port")).isEqualTo("18099");
        assertThat(loaded.getProperty("mp1c.ozon.baseUrl")).isEqualTo("https://api-seller.ozon.ru");
        assertThat(loaded.stringPropertyNames()).noneMatch(name -> name.contains("yandexMarket"));
        assertThat(warnings()).anySatisfy(w -> assertThat(w).startsWith(
                "config/application-prod.properties: mp1c.yandexMarket.baseUrl is the former name of "
                        + "mp1c.yandex-market.baseUrl"));
        assertThat(PropertyFiles.value(Map.of("mp1c.yandex-market.orders.pageSize", "30"),
                "mp1c.yandexMarket.orders.pageSize", "50")).isEqualTo("30");
    }

    @Test
    void aFormerEnvironmentVariableIsReadUnlessTheNewOneIsSet() {
        FormerPropertyNames names = new FormerPropertyNames();
        Map<String, String> environment = Map.of("MP1C_YANDEXMARKET_BASEURL", "http://old",
                "MP1C_YANDEXMARKET_ORDERS_PAGESIZE", "7", "MP1C_YANDEX_MARKET_ORDERS_PAGESIZE", "8");
        Map<String, String> known = new java.util.LinkedHashMap<>(Map.of("mp1c.yandex-market.baseUrl", "https://file",
                "mp1c.yandex-market.orders.pageSize", "50", "mp1c.ozon.baseUrl", "https://ozon"));

        names.environment(known, environment::get);

        assertThat(known).containsEntry("mp1c.yandex-market.baseUrl", "http://old")
                // the new variable is set: Camel reads it over the files, and the former one is not taken
                .containsEntry("mp1c.yandex-market.orders.pageSize", "50")
                .containsEntry("mp1c.ozon.baseUrl", "https://ozon");
        assertThat(warnings()).containsExactly("the environment variable MP1C_YANDEXMARKET_BASEURL is the former "
                + "name of MP1C_YANDEX_MARKET_BASEURL (mp1c.yandex-market.baseUrl); it is still read, but rename it "
                + "to MP1C_YANDEX_MARKET_BASEURL");
    }

    private List<String> warnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
