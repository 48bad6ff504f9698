package io.github.marketplace1c.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching engine on hand-made catalogs: what is exact, what is not, and why the evidence says so. */
class ProductMatcherTest {

    private static OneCItem item(String ref, String article, String name, String... barcodes) {
        return new OneCItem(ref, null, "00-" + ref, name, article, null, List.of(barcodes));
    }

    private static OneCItem sized(String ref, String characteristic, String article, String name, String size,
                                  String... barcodes) {
        return new OneCItem(ref, characteristic, "00-" + ref, name, article, size, List.of(barcodes));
    }

    private static MarketplaceProduct product(String key, String name, String... barcodes) {
        return new MarketplaceProduct("ozon", "ozon-a", key, name, key, null, List.of(barcodes), null);
    }

    private static final OneCItem SOAP = item("n1", "RM-SOP-008", "Мыло ручной работы «Лаванда», 100 г", "4601234500104");
    private static final OneCItem TOWEL = item("n2", "КТ-015", "Полотенце кухонное льняное «Петушки»", "4601234500166");
    private static final OneCItem SHIRT_M = sized("n3", "c1", "RM-TSH-005", "Футболка «Берёзка»", "Размер M", "4601234500050");
    private static final OneCItem SHIRT_L = sized("n3", "c2", "RM-TSH-005", "Футболка «Берёзка»", "Размер L", "4601234500067");
    private static final OneCItem PEN_BLUE = item("n4", "RM-PEN-019", "Ручка шариковая синяя", "4601234500210");
    private static final OneCItem PEN_BLACK = item("n5", "RM-PEN-020", "Ручка шариковая чёрная", "4601234500210");
    private static final OneCItem CUP = item("n6", "RM-CUP-021", "Чашка чайная «Маки»", "4601234500227");
    private static final OneCItem CUP_SALE = item("n7", "RM-CUP-021", "Чашка чайная «Маки» (уценка)", "4601234500234");
    private static final OneCItem BAG = item("n8", "RM-BAG-017", "Сумка-шоппер холщовая «Лес»", "4601234500180");

    private final ProductMatcher matcher = new ProductMatcher(List.of(SOAP, TOWEL, SHIRT_M, SHIRT_L, PEN_BLUE,
            PEN_BLACK, CUP, CUP_SALE, BAG));

    @Test
    void aBarcodeOfOneItemIsAnExactMatch() {
        List<ProductMatcher.Match> matches = matcher.match(product("SOAP-LAV", "Мыло", "4601234500104"));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).item()).isEqualTo(SOAP);
        assertThat(matches.get(0).evidence()).isEqualTo(Evidence.BARCODE);
        assertThat(matches.get(0).exact()).isTrue();
        assertThat(matches.get(0).confidence()).isEqualTo(1.0);
        assertThat(matches.get(0).details()).contains("4601234500104").contains("this item only");
    }

    @Test
    void aGtin14WithALeadingZeroIsItsEan13() {
        assertThat(matcher.match(product("X", "x", "04601234500104")).get(0).item()).isEqualTo(SOAP);
    }

    @Test
    void aBarcodeSharedByTwoItemsIsNeverExact() {
        List<ProductMatcher.Match> matches = matcher.match(product("PEN", "Ручка", "4601234500210"));
        assertThat(matches).extracting(ProductMatcher.Match::item).containsExactlyInAnyOrder(PEN_BLUE, PEN_BLACK);
        assertThat(matches).noneMatch(ProductMatcher.Match::exact);
        assertThat(matches.get(0).details()).contains("registered in 1C for 2 items, not exact");
    }

    @Test
    void barcodesPointingToTwoItemsAreNotExact() {
        List<ProductMatcher.Match> matches = matcher.match(product("SET", "Набор", "4601234500104", "4601234500180"));
        assertThat(matches).extracting(ProductMatcher.Match::item).containsExactlyInAnyOrder(SOAP, BAG);
        assertThat(matches).noneMatch(ProductMatcher.Match::exact);
        assertThat(matches.get(0).details()).contains("other 1C item");
    }

    @Test
    void articlesMatchAcrossCaseDashesDotsUnderscoresAndCyrillicLookAlikes() {
        for (String article : List.of("KT_015", "kt-015", "K.T 015", "КТ015", "kt/015")) {
            List<ProductMatcher.Match> matches = matcher.match(product(article, "Полотенце"));
            assertThat(matches).as(article).hasSize(1);
            assertThat(matches.get(0).item()).isEqualTo(TOWEL);
            assertThat(matches.get(0).evidence()).isEqualTo(Evidence.ARTICLE);
            assertThat(matches.get(0).exact()).isTrue();
            assertThat(matches.get(0).confidence()).isEqualTo(0.9);
        }
        assertThat(matcher.match(product("rm.sop.008", "?")).get(0).item()).isEqualTo(SOAP);
        assertThat(matcher.match(product("KT-016", "?"))).isEmpty();
    }

    @Test
    void anArticleWithTheSizeFindsTheCharacteristic() {
        List<ProductMatcher.Match> matches = matcher.match(product("RM-TSH-005-M", "Футболка"));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).item()).isEqualTo(SHIRT_M);
        assertThat(matches.get(0).exact()).isTrue();
        MarketplaceProduct wbSize = new MarketplaceProduct("wildberries", "wb-a", "310000005", "Футболка",
                "RM-TSH-005", "L", List.of(), null);
        assertThat(matcher.match(wbSize).get(0).item()).isEqualTo(SHIRT_L);
        assertThat(matcher.match(wbSize).get(0).exact()).isTrue();
    }

    @Test
    void theArticleOfANomenclatureWithSeveralCharacteristicsIsNotExact() {
        List<ProductMatcher.Match> matches = matcher.match(product("RM-TSH-005", "Футболка"));
        assertThat(matches).extracting(ProductMatcher.Match::item).containsExactlyInAnyOrder(SHIRT_M, SHIRT_L);
        assertThat(matches).noneMatch(ProductMatcher.Match::exact);
        assertThat(matches.get(0).details()).contains("2 characteristics");
    }

    @Test
    void anArticleOfSeveralNomenclatureItemsIsNotExact() {
        List<ProductMatcher.Match> matches = matcher.match(product("rm cup 021", "Чашка"));
        assertThat(matches).extracting(ProductMatcher.Match::item).containsExactlyInAnyOrder(CUP, CUP_SALE);
        assertThat(matches).noneMatch(ProductMatcher.Match::exact);
        assertThat(matches).allMatch(m -> m.confidence() == 0.5);
        assertThat(matches.get(0).details()).contains("2 1C items have this article");
    }

    @Test
    void aBarcodeAndAnArticleNamingDifferentItemsAreBothNotExact() {
        List<ProductMatcher.Match> matches = matcher.match(product("KT-015", "?", "4601234500104"));
        assertThat(matches).extracting(ProductMatcher.Match::item).containsExactlyInAnyOrder(SOAP, TOWEL);
        assertThat(matches).noneMatch(ProductMatcher.Match::exact);
        assertThat(matches).allMatch(m -> m.details().contains("point to different 1C items"));
    }

    @Test
    void aBarcodeAndAnArticleOfTheSameItemTellBoth() {
        ProductMatcher.Match match = matcher.match(product("RM-SOP-008", "Мыло", "4601234500104")).get(0);
        assertThat(match.exact()).isTrue();
        assertThat(match.evidence()).isEqualTo(Evidence.BARCODE);
        assertThat(match.details()).contains("barcode").contains("article");
    }

    @Test
    void namesGiveLowConfidenceSuggestionsOnlyWithoutAnExactMatch() {
        List<ProductMatcher.Match> matches = matcher.match(product("SHOPPER-LES", "Сумка шоппер холщовая Лес"));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).item()).isEqualTo(BAG);
        assertThat(matches.get(0).evidence()).isEqualTo(Evidence.NAME);
        assertThat(matches.get(0).exact()).isFalse();
        assertThat(matches.get(0).confidence()).isLessThanOrEqualTo(0.7);
        assertThat(matches.get(0).details()).contains("сумка", "шоппер");
        // an exact barcode leaves names out, however alike
        assertThat(matcher.match(product("X", "Сумка шоппер холщовая Лес", "4601234500104")))
                .extracting(ProductMatcher.Match::item).containsExactly(SOAP);
        assertThat(matcher.match(product("LAMP", "Светильник настольный"))).isEmpty();
    }

    @Test
    void thousandsOfProductsAgainstThousandsOfItemsUseTheIndexes() {
        List<OneCItem> items = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            items.add(item("b" + i, "ART-" + i, "Товар номер " + i + " серии " + (i % 50), String.valueOf(2000000000000L + i)));
        }
        ProductMatcher big = new ProductMatcher(items);
        int exact = 0;
        for (int i = 0; i < 5000; i++) {
            List<ProductMatcher.Match> matches = big.match(product(i % 2 == 0 ? "art_" + i : "nope-" + i, "Товар " + i,
                    i % 3 == 0 ? String.valueOf(2000000000000L + i) : "1"));
            exact += !matches.isEmpty() && matches.get(0).exact() ? 1 : 0;
        }
        // every even one by article, every third by barcode: 2500 + 1667 - 834 both
        assertThat(exact).isEqualTo(3333);
    }
}
