package io.github.marketplace1c.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleKeyTest {

    @Test
    void caseSeparatorsAndLookAlikesDoNotCount() {
        assertThat(ArticleKey.of("RM-SOP-008")).isEqualTo("RMSOP008");
        assertThat(ArticleKey.of(" rm_sop.008 ")).isEqualTo("RMSOP008");
        // Cyrillic А В Е К М Н О Р С Т Х У read as the Latin letters they look like
        assertThat(ArticleKey.of("АВЕКМНОРСТХУ")).isEqualTo("ABEKMHOPCTXY");
        assertThat(ArticleKey.of("авекмнорстху")).isEqualTo("ABEKMHOPCTXY");
        assertThat(ArticleKey.of("КТ-015")).isEqualTo(ArticleKey.of("KT_015"));
    }

    @Test
    void otherCyrillicLettersStayThemselves() {
        assertThat(ArticleKey.of("ЖЁЛТЫЙ-1")).isEqualTo("ЖEЛTЫЙ1");
        assertThat(ArticleKey.of("Д-1")).isNotEqualTo(ArticleKey.of("D-1"));
        assertThat(ArticleKey.of(null)).isEmpty();
        assertThat(ArticleKey.of("--")).isEmpty();
    }
}
