package io.github.marketplace1c.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests 1C items for a marketplace product, with the evidence:
 *
 * <ol>
 *   <li><b>barcode</b>: a product barcode registered in 1C — exact (confidence 1) only when every barcode of the
 *       product that 1C knows points to one and the same item; a barcode 1C holds for several items is not exact and
 *       the evidence says so;</li>
 *   <li><b>article</b>: the seller's article equals the 1C article after {@link ArticleKey normalization} (with the
 *       size appended for items with characteristics: "RM-TSH-005-M" = "RM-TSH-005" + "Размер M") — exact (0.9) only
 *       when it designates one item; an article shared by several nomenclature items, or the article of a
 *       nomenclature with several characteristics, is not exact;</li>
 *   <li><b>name</b> (only when nothing above is exact): word overlap (Jaccard over normalized words, the 1C name with
 *       its characteristic), never exact, confidence at most 0.7.</li>
 * </ol>
 *
 * The items are indexed once (barcode → items, article key → items, rarer word → items), so a product costs lookups,
 * not a scan of the catalog (docs/benchmark.md: 50,000 products against 50,000 items).
 */
public final class ProductMatcher {

    /** One suggested item for a product. */
    public record Match(OneCItem item, Evidence evidence, boolean exact, double confidence, String details) {
    }

    static final double BARCODE_EXACT = 1.0;
    static final double BARCODE_SHARED = 0.6;
    static final double ARTICLE_EXACT = 0.9;
    static final double ARTICLE_AMBIGUOUS = 0.5;
    static final double NAME_WEIGHT = 0.7;
    static final double NAME_MIN_SIMILARITY = 0.3;
    static final int NAME_SUGGESTIONS = 3;
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern NOT_BARCODE = java.util.regex.Pattern.compile("[^0-9A-Za-z]");

    private final List<OneCItem> items;
    private final Map<String, List<OneCItem>> byBarcode = new HashMap<>();
    /** Article key → items: the nomenclature article (all its characteristics) and article + size (one item). */
    private final Map<String, List<OneCItem>> byArticle = new HashMap<>();
    private final Map<String, List<OneCItem>> byArticleAndSize = new HashMap<>();
    private final List<Set<String>> itemWords = new ArrayList<>();
    private final Map<String, List<Integer>> byWord = new HashMap<>();

    public ProductMatcher(Collection<OneCItem> oneCItems) {
        this.items = List.copyOf(oneCItems);
        for (int i = 0; i < items.size(); i++) {
            OneCItem item = items.get(i);
            for (String barcode : item.barcodes()) {
                String key = barcodeKey(barcode);
                if (!key.isEmpty()) {
                    addDistinct(byBarcode, key, item);
                }
            }
            String article = ArticleKey.of(item.article());
            if (!article.isEmpty()) {
                addDistinct(byArticle, article, item);
                if (item.characteristicName() != null) {
                    addDistinct(byArticleAndSize, article + ArticleKey.of(item.characteristicName()), item);
                    addDistinct(byArticleAndSize, article + ArticleKey.of(lastWord(item.characteristicName())), item);
                }
            }
            Set<String> words = words(item.fullName());
            itemWords.add(words);
            for (String word : words) {
                byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
            }
        }
        // Candidates for a name come through its rarer words only: a word that 2·√N items share ("чай", "набор")
        // would make every product a scan of the catalog. Such words still count in the similarity itself.
        int commonLimit = Math.max(20, (int) (2 * Math.sqrt(items.size())));
        byWord.values().removeIf(list -> list.size() > commonLimit);
    }

    public int size() {
        return items.size();
    }

    /** The suggestions for one product, best first; empty when nothing matches. */
    public List<Match> match(MarketplaceProduct product) {
        Map<String, Match> found = new LinkedHashMap<>();
        barcodeMatches(product, found);
        articleMatches(product, found);
        long exactItems = found.values().stream().filter(Match::exact).count();
        if (exactItems > 1) {
            // the barcode names one item and the article another: neither is exact
            found.replaceAll((key, m) -> m.exact() ? new Match(m.item(), m.evidence(), false,
                    m.evidence() == Evidence.BARCODE ? BARCODE_SHARED : ARTICLE_AMBIGUOUS, m.details()
                    + "; but the barcode and the article point to different 1C items: not exact") : m);
        }
        boolean exact = exactItems == 1;
        if (!exact) {
            nameMatches(product, found);
        }
        List<Match> matches = new ArrayList<>(found.values());
        matches.sort(Comparator.comparing(Match::exact).reversed().thenComparing(Comparator.comparingDouble(
                Match::confidence).reversed()).thenComparing(m -> m.item().fullName()));
        return matches;
    }

    private void barcodeMatches(MarketplaceProduct product, Map<String, Match> found) {
        Map<String, List<String>> barcodesByItem = new LinkedHashMap<>();
        Map<String, OneCItem> itemsByKey = new HashMap<>();
        Map<String, Integer> sharedBy = new HashMap<>();
        for (String barcode : product.barcodes()) {
            List<OneCItem> hits = byBarcode.getOrDefault(barcodeKey(barcode), List.of());
            for (OneCItem item : hits) {
                barcodesByItem.computeIfAbsent(item.pairKey(), k -> new ArrayList<>()).add(barcode.trim());
                itemsByKey.put(item.pairKey(), item);
                sharedBy.merge(item.pairKey(), hits.size(), Math::max);
            }
        }
        boolean oneItem = barcodesByItem.size() == 1;
        for (Map.Entry<String, List<String>> entry : barcodesByItem.entrySet()) {
            OneCItem item = itemsByKey.get(entry.getKey());
            String barcodes = String.join(", ", entry.getValue());
            int shared = sharedBy.get(entry.getKey());
            if (oneItem && shared == 1) {
                found.put(entry.getKey(), new Match(item, Evidence.BARCODE, true, BARCODE_EXACT,
                        "barcode " + barcodes + " is registered in 1C for this item only"));
            } else if (shared > 1) {
                found.put(entry.getKey(), new Match(item, Evidence.BARCODE, false, BARCODE_SHARED,
                        "barcode " + barcodes + " is registered in 1C for " + shared
                                + " items, not exact: check which one is sold"));
            } else {
                found.put(entry.getKey(), new Match(item, Evidence.BARCODE, false, BARCODE_SHARED,
                        "barcode " + barcodes + " is this item's, but the product's other barcodes point to "
                                + (barcodesByItem.size() - 1) + " other 1C item(s): not exact"));
            }
        }
    }

    private void articleMatches(MarketplaceProduct product, Map<String, Match> found) {
        String article = ArticleKey.of(product.article());
        if (article.isEmpty()) {
            return;
        }
        List<OneCItem> hits = List.of();
        String how = "";
        if (product.size() != null && !product.size().isBlank()) {
            hits = byArticleAndSize.getOrDefault(article + ArticleKey.of(product.size()), List.of());
            how = " with size " + product.size();
        }
        if (hits.isEmpty()) {
            hits = byArticleAndSize.getOrDefault(article, List.of());
            how = " (article + characteristic)";
        }
        if (hits.isEmpty()) {
            hits = byArticle.getOrDefault(article, List.of());
            how = "";
        }
        if (hits.isEmpty()) {
            return;
        }
        Set<String> nomenclatures = new HashSet<>();
        hits.forEach(i -> nomenclatures.add(i.nomenclatureRef()));
        for (OneCItem item : hits) {
            String same = "article '" + product.article() + "'" + how + " matches 1C article '" + item.article() + "'"
                    + (item.characteristicName() == null ? "" : " / " + item.characteristicName());
            Match match;
            if (hits.size() == 1) {
                match = new Match(item, Evidence.ARTICLE, true, ARTICLE_EXACT, same + " (normalized)");
            } else if (nomenclatures.size() == 1) {
                match = new Match(item, Evidence.ARTICLE, false, ARTICLE_AMBIGUOUS, same + ", but the nomenclature has "
                        + hits.size() + " characteristics: not exact, choose the right one");
            } else {
                match = new Match(item, Evidence.ARTICLE, false, ARTICLE_AMBIGUOUS, same + ", but " + hits.size()
                        + " 1C items have this article: not exact");
            }
            Match before = found.get(item.pairKey());
            if (before == null) {
                found.put(item.pairKey(), match);
            } else {
                // the barcode already named this item: keep the stronger evidence, tell both
                boolean exact = before.exact() || match.exact();
                found.put(item.pairKey(), new Match(item, before.evidence(), exact,
                        Math.max(before.confidence(), match.confidence()), before.details() + "; " + match.details()));
            }
        }
    }

    private void nameMatches(MarketplaceProduct product, Map<String, Match> found) {
        Set<String> words = words(product.name());
        if (words.isEmpty()) {
            return;
        }
        Map<Integer, Integer> common = new HashMap<>();
        for (String word : words) {
            for (int index : byWord.getOrDefault(word, List.of())) {
                common.merge(index, 1, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Double>> scored = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : common.entrySet()) {
            Set<String> other = itemWords.get(entry.getKey());
            int shared = 0;
            for (String word : words) {
                if (other.contains(word)) {
                    shared++;
                }
            }
            double jaccard = shared / (double) (words.size() + other.size() - shared);
            if (jaccard >= NAME_MIN_SIMILARITY) {
                scored.add(Map.entry(entry.getKey(), jaccard));
            }
        }
        scored.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int added = 0;
        for (Map.Entry<Integer, Double> entry : scored) {
            if (added == NAME_SUGGESTIONS) {
                break;
            }
            OneCItem item = items.get(entry.getKey());
            if (found.containsKey(item.pairKey())) {
                continue;
            }
            Set<String> shared = new LinkedHashSet<>(words);
            shared.retainAll(itemWords.get(entry.getKey()));
            double confidence = Math.round(entry.getValue() * NAME_WEIGHT * 100) / 100.0;
            found.put(item.pairKey(), new Match(item, Evidence.NAME, false, confidence, String.format(Locale.ROOT,
                    "names share %d of %d words (%s), similarity %.2f: check it", shared.size(),
                    words.size() + itemWords.get(entry.getKey()).size() - shared.size(), String.join(", ", shared),
                    entry.getValue())));
            added++;
        }
    }

    /** A barcode as compared: digits and letters only; a numeric GTIN-14 with a leading 0 equals its EAN-13. */
    static String barcodeKey(String barcode) {
        if (barcode == null) {
            return "";
        }
        String key = NOT_BARCODE.matcher(barcode).replaceAll("").toUpperCase(Locale.ROOT);
        if (key.length() == 14 && key.charAt(0) == '0' && key.chars().allMatch(Character::isDigit)) {
            key = key.substring(1);
        }
        return key;
    }

    /** Lower-case words of a name (ё = е), punctuation dropped; single letters are left out, numbers kept. */
    static Set<String> words(String name) {
        Set<String> words = new LinkedHashSet<>();
        if (name == null) {
            return words;
        }
        for (String word : NOT_WORD.split(name.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('×', 'x'))) {
            if (word.length() > 1 || !word.isEmpty() && Character.isDigit(word.charAt(0))) {
                words.add(word);
            }
        }
        return words;
    }

    private static String lastWord(String text) {
        String[] parts = text.trim().split("\\s+");
        return parts[parts.length - 1];
    }

    private static void addDistinct(Map<String, List<OneCItem>> index, String key, OneCItem item) {
        List<OneCItem> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (list.stream().noneMatch(i -> i.pairKey().equals(item.pairKey()))) {
            list.add(item);
        }
    }
}
