package io.github.marketplace1c.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.marketplace1c.deadletter.ReplayTargets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MarketplacesTest {

    @Test
    void everyMarketplaceHasItsRouteFolderAndItsReplayTargetsAreTheOnlyOnes() {
        for (Marketplace marketplace : Marketplaces.all()) {
            assertThat(Path.of("routes", marketplace.key())).as(marketplace.key()).isDirectory();
            assertThat(marketplace.propertyPrefix()).isEqualTo("mp1c." + marketplace.key());
            assertThat(marketplace.replayTargets()).hasSize(marketplace.replayEntries().size());
            for (String target : marketplace.replayTargets()) {
                assertThat(target).startsWith(marketplace.key() + "-");
                assertThat(ReplayTargets.endpoint(target)).contains("direct:" + target);
            }
        }
        assertThat(ReplayTargets.endpoint("yandex-market-orders-record")).contains("direct:yandex-market-orders-record");
        assertThat(ReplayTargets.endpoint("yandexMarket-orders-record")).isEmpty();
        assertThat(ReplayTargets.endpoint("megamarket-orders-record")).isEmpty();
        assertThat(ReplayTargets.endpoint("log:x")).isEmpty();
    }

    @Test
    void aFormerSpellingOfAPropertyBecomesTheOneSpelling() {
        assertThat(Marketplaces.currentPropertyName("mp1c.yandexMarket.baseUrl")).isEqualTo("mp1c.yandex-market.baseUrl");
        assertThat(Marketplaces.currentPropertyName("mp1c.yandexMarket.sales-report.cron"))
                .isEqualTo("mp1c.yandex-market.sales-report.cron");
        assertThat(Marketplaces.currentPropertyName("mp1c.sandbox.yandexMarket.port"))
                .isEqualTo("mp1c.sandbox.yandex-market.port");
        assertThat(Marketplaces.currentPropertyName("mp1c.yandex-market.baseUrl")).isEqualTo("mp1c.yandex-market.baseUrl");
        assertThat(Marketplaces.currentPropertyName("mp1c.ozon.baseUrl")).isEqualTo("mp1c.ozon.baseUrl");
        // only the marketplace's own segment: a value-like tail or another root is left alone
        assertThat(Marketplaces.currentPropertyName("mp1c.onec.yandexMarket")).isEqualTo("mp1c.onec.yandexMarket");
        assertThat(Marketplaces.currentPropertyName("camel.yandexMarket.x")).isEqualTo("camel.yandexMarket.x");
    }

    @Test
    void namesForPeopleComeFromTheListAndAnUnknownKeyStaysAsItIs() {
        assertThat(Marketplaces.displayName("yandex-market")).isEqualTo("Яндекс Маркет");
        assertThat(Marketplaces.displayName("ozon")).isEqualTo("Ozon");
        assertThat(Marketplaces.displayName("megamarket")).isEqualTo("megamarket");
        assertThat(Marketplaces.keys()).containsExactly("ozon", "wildberries", "yandex-market");
    }
}
