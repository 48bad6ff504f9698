package io.github.marketplace1c.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.github.marketplace1c.catalog.CatalogTables;
import io.github.marketplace1c.catalog.MarketplaceProduct;
import io.github.marketplace1c.catalog.OneCItem;
import io.github.marketplace1c.catalog.ProductMatcher;
import io.github.marketplace1c.db.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The mapping workbench's matching at catalog scale (docs/benchmark.md): N 1C items and N marketplace products — a
 * third found by barcode, a third by an article typed otherwise (Latin for Cyrillic, underscores), a sixth by name
 * only, the rest by nothing — indexed, matched and the suggestions stored in H2, as a catalog pull does. Timed
 * in-process; the marketplace and 1C reads are the flows' paging, measured by their own tests.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx512m mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.github.marketplace1c.benchmark.MatcherBenchmark -Dexec.args="50000"
 * </pre>
 */
public final class MatcherBenchmark {

    private static final String[] WORDS = {"чай", "кофе", "кружка", "футболка", "шарф", "плед", "ваза", "свеча",
        "мыло", "блокнот", "ложка", "сумка", "шапка", "полотенце", "соль", "набор", "ручка", "чашка", "лампа",
        "коврик", "подушка", "салфетка", "корзина", "банка", "тарелка", "нож", "доска", "скатерть", "фартук", "часы"};
    private static final String[] ADJECTIVES = {"чёрный", "зелёный", "липовый", "керамическая", "хлопковая",
        "вязаный", "шерстяной", "льняное", "морская", "подарочный", "синяя", "деревянная", "большой", "малый",
        "красный", "белая", "плетёная", "стеклянная", "уютный", "классический"};

    private MatcherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Random random = new Random(42);
        List<OneCItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = WORDS[random.nextInt(WORDS.length)] + " " + ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                    + " «Модель " + i + "», " + (100 + random.nextInt(900)) + " г";
            items.add(new OneCItem("ref-" + i, null, String.format("00-%08d", i), name, String.format("КТ-%06d", i),
                    null, List.of(String.valueOf(4_600_000_000_000L + i))));
        }
        List<MarketplaceProduct> products = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = i % 6;
            String article = kind == 2 || kind == 3 ? String.format("kt_%06d", i) : "MP-" + i;
            List<String> barcodes = kind < 2 ? List.of(String.valueOf(4_600_000_000_000L + i)) : List.of();
            String name = kind == 4 ? items.get(i).name().replace("«", "").replace("»", "") : "Товар маркетплейса " + i;
            products.add(new MarketplaceProduct("ozon", "bench", article, name, article, null, barcodes, null));
        }
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        ProductMatcher matcher = new ProductMatcher(items);
        long indexed = System.nanoTime();
        Map<MarketplaceProduct, List<ProductMatcher.Match>> found = new LinkedHashMap<>();
        int exact = 0;
        for (MarketplaceProduct product : products) {
            List<ProductMatcher.Match> matches = matcher.match(product);
            if (!matches.isEmpty()) {
                found.put(product, matches);
                exact += matches.get(0).exact() ? 1 : 0;
            }
        }
        long matched = System.nanoTime();
        long heapAfter = usedHeap();
        Path folder = Files.createTempDirectory("mp1c-matcher-bench");
        int stored;
        long storedAt;
        try (HikariDataSource db = Database.open("jdbc:h2:file:" + folder.resolve("bench"), "sa", "", 2)) {
            long before = System.nanoTime();
            stored = new CatalogTables(db, Clock.systemUTC()).replaceSuggestions("ozon", "bench", found);
            storedAt = System.nanoTime() - before;
        }
        System.out.printf("items %,d, products %,d%n", n, n);
        System.out.printf("index: %.2f s; matching: %.2f s (%,.0f products/s); products with a suggestion %,d, exact %,d;"
                        + " suggestions stored in H2: %,d in %.2f s%n", (indexed - started) / 1e9, (matched - indexed) / 1e9,
                n / ((matched - indexed) / 1e9), found.size(), exact, stored, storedAt / 1e9);
        System.out.printf("heap: %,d MB in use before, %,d MB after matching (catalogs, index and suggestions); peak %,d MB%n",
                heapBefore >> 20, heapAfter >> 20, peakHeap() >> 20);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
