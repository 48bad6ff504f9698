package io.github.marketplace1c.catalog;

import java.util.Locale;

/**
 * Articles as integrators type them compare equal once normalized: case, spaces, dashes, underscores, dots and slashes
 * do not count, and Cyrillic letters that look like Latin ones (А/A, В/B, Е/E, К/K, М/M, Н/H, О/O, Р/P, С/C, Т/T,
 * Х/X, У/Y, І/I) are read as the Latin letter: "РМ-СВЕЧА_01" and "pm cbeча.01" give the same key.
 */
public final class ArticleKey {

    private static final String CYRILLIC = "АВЕКМНОРСТХУІЅЈ";
    private static final String LATIN = "ABEKMHOPCTXYISJ";

    private ArticleKey() {
    }

    /** The normalized key; "" for null or an article with no letter or digit. */
    public static String of(String article) {
        if (article == null) {
            return "";
        }
        String upper = article.toUpperCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            int lookAlike = CYRILLIC.indexOf(c);
            if (lookAlike >= 0) {
                key.append(LATIN.charAt(lookAlike));
            } else if (c == 'Ё') {
                key.append('E');
            } else if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.toString();
    }
}
