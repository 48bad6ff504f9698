package io.github.marketplace1c.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox's fixed world, shared by the marketplace emulators, the 1C emulator and the sandbox's seeded
 * mapping tables, so that every flow has something real to move. Everything here is deterministic: the
 * same GUIDs, barcodes and postings on every machine.
 */
public final class SandboxData {

    private SandboxData() {
    }

    /** Deterministic GUID of a sandbox 1C object, e.g. {@code guid("nomenclature", "RM-TEA-001")}. */
    public static String guid(String kind, String key) {
        return UUID.nameUUIDFromBytes(("mp1c-sandbox:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- 1C side -------------------------------------------------------------------------------------------

    public record Organization(String ref, String name, String inn) {
    }

    /** A marketplace as the seller's counterparty; {@code partnerRef} is its Catalog_Партнеры item (УТ/КА). */
    public record Counterparty(String key, String ref, String name, String inn, String kpp, String partnerRef,
                               String shortName) {
    }

    /** A commission contract (ВидДоговора/ТипДоговора СКомиссионером) between an organization and a marketplace. */
    public record Contract(String ref, String name, String organizationRef, String counterpartyRef) {
    }

    /** A 1C warehouse: Catalog_Склады in УТ/КА, Catalog_СтруктурныеЕдиницы (ТипСтруктурнойЕдиницы = Склад) in УНФ. */
    public record Warehouse(String ref, String name) {
    }

    /** A 1C nomenclature item, optionally with one characteristic (a size or colour). */
    public record Item(String nomenclatureRef, String code, String name, String article,
                       String characteristicRef, String characteristicName, String barcode, BigDecimal price) {
    }

    public static final Organization ROMASHKA = new Organization(guid("organization", "romashka"),
            "ООО «Ромашка»", "7701234567");
    public static final Organization VASILKOV = new Organization(guid("organization", "vasilkov"),
            "ИП Васильков Иван Петрович", "504712345678");
    public static final List<Organization> ORGANIZATIONS = List.of(ROMASHKA, VASILKOV);

    public static final Counterparty OZON = counterparty("ozon", "ООО «Интернет Решения» (Ozon)", "7704217370",
            "997750001", "Ozon");
    public static final Counterparty WILDBERRIES = counterparty("wildberries", "ООО «Вайлдберриз» (Wildberries)",
            "7721546864", "507401001", "Wildberries");
    public static final Counterparty YANDEX_MARKET = counterparty("yandex-market", "ООО «Яндекс Маркет»",
            "9704254424", "770401001", "Яндекс Маркет");
    public static final List<Counterparty> COUNTERPARTIES = List.of(OZON, WILDBERRIES, YANDEX_MARKET);

    private static Counterparty counterparty(String key, String name, String inn, String kpp, String shortName) {
        return new Counterparty(key, guid("counterparty", key), name, inn, kpp, guid("partner", key), shortName);
    }

    /** УТ/КА: orders reference a business partner (Партнер) besides the counterparty. */
    public static final String OZON_PARTNER_REF = OZON.partnerRef();

    public static final Contract ROMASHKA_OZON_CONTRACT = new Contract(guid("contract", "romashka-ozon"),
            "Договор комиссии с Ozon № ОЗ-2026/17", ROMASHKA.ref(), OZON.ref());
    public static final Contract VASILKOV_OZON_CONTRACT = new Contract(guid("contract", "vasilkov-ozon"),
            "Договор комиссии с Ozon № ОЗ-2026/42", VASILKOV.ref(), OZON.ref());
    public static final Contract ROMASHKA_WB_CONTRACT = new Contract(guid("contract", "romashka-wildberries"),
            "Договор комиссии с Wildberries № ВБ-2026/5", ROMASHKA.ref(), WILDBERRIES.ref());
    public static final Contract VASILKOV_WB_CONTRACT = new Contract(guid("contract", "vasilkov-wildberries"),
            "Договор комиссии с Wildberries № ВБ-2026/9", VASILKOV.ref(), WILDBERRIES.ref());
    public static final Contract ROMASHKA_YM_CONTRACT = new Contract(guid("contract", "romashka-yandex-market"),
            "Договор с Яндекс Маркетом № ЯМ-2026/3", ROMASHKA.ref(), YANDEX_MARKET.ref());
    public static final Contract VASILKOV_YM_CONTRACT = new Contract(guid("contract", "vasilkov-yandex-market"),
            "Договор с Яндекс Маркетом № ЯМ-2026/8", VASILKOV.ref(), YANDEX_MARKET.ref());
    public static final List<Contract> CONTRACTS = List.of(ROMASHKA_OZON_CONTRACT, VASILKOV_OZON_CONTRACT,
            ROMASHKA_WB_CONTRACT, VASILKOV_WB_CONTRACT, ROMASHKA_YM_CONTRACT, VASILKOV_YM_CONTRACT);

    /** УТ/КА: the agreement (Соглашение) with Ozon per organization. */
    public static String agreementRef(Organization organization) {
        return agreementRef(organization, OZON);
    }

    /** УТ/КА: the agreement (Соглашение) of an organization with a marketplace. */
    public static String agreementRef(Organization organization, Counterparty marketplace) {
        return guid("agreement-" + marketplace.key(), organization.inn());
    }

    public static final Warehouse MAIN_WAREHOUSE = new Warehouse(guid("warehouse", "main"), "Основной склад");
    public static final Warehouse KAZAN_WAREHOUSE = new Warehouse(guid("warehouse", "kazan"), "Склад Казань");
    public static final Warehouse VASILKOV_WAREHOUSE = new Warehouse(guid("warehouse", "vasilkov"), "Склад ИП Васильков");
    public static final List<Warehouse> WAREHOUSES = List.of(MAIN_WAREHOUSE, KAZAN_WAREHOUSE, VASILKOV_WAREHOUSE);

    public static final String RUBLE_REF = guid("currency", "643");
    public static final String VAT_20_REF = guid("vat", "20");

    // ---- VAT (Catalog_СтавкиНДС): the 2026 rates ------------------------------------------------------------------

    /**
     * One item of the VAT catalog. {@code percent} null is «Без НДС»; {@code calculated} a 22/122 rate; {@code kind}
     * УНФ's ВидСтавкиНДС; {@code until} the last day the item is valid (УТ/КА КонецПериода), null for no end.
     */
    public record VatItem(String ref, String name, BigDecimal percent, boolean calculated, String kind,
                          java.time.LocalDate until) {
    }

    public static final VatItem VAT_22 = new VatItem(guid("vat", "22"), "22%", new BigDecimal("22"), false, "Общая", null);
    public static final VatItem VAT_10 = new VatItem(guid("vat", "10"), "10%", BigDecimal.TEN, false, "Пониженная", null);
    public static final VatItem VAT_7 = new VatItem(guid("vat", "7"), "7%", new BigDecimal("7"), false, "УСН7", null);
    public static final VatItem VAT_5 = new VatItem(guid("vat", "5"), "5%", new BigDecimal("5"), false, "УСН5", null);
    public static final VatItem VAT_0 = new VatItem(guid("vat", "0"), "0%", BigDecimal.ZERO, false, "Нулевая", null);
    public static final VatItem VAT_NONE = new VatItem(guid("vat", "none"), "Без НДС", null, false, "БезНДС", null);
    public static final VatItem VAT_22_122 = new VatItem(guid("vat", "22/122"), "22/122", new BigDecimal("22"), true,
            "Общая", null);
    /** The rate of 2019-2025, kept in the catalog as a real base keeps it; no longer valid in 2026. */
    public static final VatItem VAT_20 = new VatItem(VAT_20_REF, "20%", new BigDecimal("20"), false, "Общая",
            java.time.LocalDate.of(2025, 12, 31));
    public static final List<VatItem> VAT_ITEMS = List.of(VAT_22, VAT_10, VAT_7, VAT_5, VAT_0, VAT_NONE, VAT_22_122,
            VAT_20);

    /**
     * The rate an item has in 1C: food (tea, honey) 10 %, everything else 22 %. ООО «Ромашка» is on ОСН and sells at
     * these; ИП Васильков is on УСН with 5 % (the accounts' settings.vatRate), which every line of his gets.
     */
    public static VatItem vatOf(Item item) {
        return categoryOf(item) == FOOD ? VAT_10 : VAT_22;
    }

    /** The organization's VAT regime: null on ОСН (each item's rate), else the one rate of every line. */
    public static VatItem regimeOf(Organization organization) {
        return organization == VASILKOV ? VAT_5 : null;
    }

    public static final List<Item> ITEMS = List.of(
            item("RM-TEA-001", "Чай чёрный «Ассам», 250 г", null, "460123450001", "349.00"),
            item("RM-TEA-002", "Чай зелёный «Сенча», 100 г", null, "460123450002", "289.00"),
            item("RM-HON-003", "Мёд липовый, 500 г", null, "460123450003", "590.00"),
            item("RM-MUG-004", "Кружка керамическая «Ёжик», 350 мл", null, "460123450004", "450.00"),
            item("RM-TSH-005", "Футболка хлопковая «Берёзка»", "Размер M", "460123450005", "1290.00"),
            item("RM-TSH-005", "Футболка хлопковая «Берёзка»", "Размер L", "460123450006", "1290.00"),
            item("RM-TSH-005", "Футболка хлопковая «Берёзка»", "Размер XL", "460123450007", "1390.00"),
            item("RM-SCF-006", "Шарф вязаный «Метель»", null, "460123450008", "1890.00"),
            item("RM-CAN-007", "Свеча ароматическая «Хвоя»", null, "460123450009", "720.50"),
            item("RM-SOP-008", "Мыло ручной работы «Лаванда», 100 г", null, "460123450010", "199.90"),
            item("RM-NTB-009", "Блокнот в клетку А5, 96 листов", null, "460123450011", "310.00"),
            item("RM-SPN-010", "Ложка деревянная расписная «Хохлома»", null, "460123450012", "260.00"));

    private static Item item(String article, String name, String characteristic, String barcode12, String price) {
        String barcode = barcode12 + ean13CheckDigit(barcode12);
        String nomenclatureRef = guid("nomenclature", article);
        String characteristicRef = characteristic == null ? null : guid("characteristic", article + "/" + characteristic);
        String code = String.format("00-%08d", Integer.parseInt(article.substring(article.length() - 3)));
        return new Item(nomenclatureRef, code, name, article, characteristicRef, characteristic, barcode,
                new BigDecimal(price));
    }

    /** A product category in 1C (УТ/КА {@code Catalog_ТоварныеКатегории}, УНФ {@code Catalog_КатегорииНоменклатуры}). */
    public record Category(String ref, String name) {
    }

    public static final Category FOOD = new Category(guid("category", "food"), "Чай и мёд");
    public static final Category CLOTHES = new Category(guid("category", "clothes"), "Одежда");
    public static final Category HOME = new Category(guid("category", "home"), "Дом и подарки");
    public static final List<Category> CATEGORIES = List.of(FOOD, CLOTHES, HOME);
    /** УТ/КА's kind of nomenclature ({@code Catalog_ВидыНоменклатуры}) of every seeded item. */
    public static final Category GOODS_KIND = new Category(guid("nomenclature-kind", "goods"), "Товары");

    /** The product category of a seeded item: tea and honey, clothes, the rest. */
    public static Category categoryOf(Item item) {
        String group = item.article().substring(3, 6);
        return switch (group) {
            case "TEA", "HON" -> FOOD;
            case "TSH", "SCF" -> CLOTHES;
            default -> HOME;
        };
    }

    /** The valid EAN-13 check digit for the first 12 digits, so seeded barcodes pass a scanner's check. */
    public static int ean13CheckDigit(String first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = first12.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    // ---- the catalog the mapping workbench sees ----------------------------------------------------------------

    /**
     * 1C nomenclature beyond {@link #ITEMS} that only the catalog flows see (no stock, no prices, in no order), so
     * that the workbench has a realistic mix to suggest from. Their barcodes are in the barcode register like the
     * ITEMS' own. Two pens share one barcode (a supplier's reused code) and two cups one article (a mark-down copy):
     * neither may give an exact suggestion.
     */
    public static final List<Item> CATALOG_ITEMS = List.of(
            catalogItem(101, "RM-PLD-011", "Плед шерстяной «Клетка», 140×200", "460123450013", "2490.00"),
            catalogItem(102, "RM-SHP-012", "Шапка вязаная «Снежинка»", "460123450014", "990.00"),
            catalogItem(103, "RM-VAZ-013", "Ваза керамическая «Гжель», 25 см", "460123450015", "1750.00"),
            // Cyrillic К and Т: the marketplace's "KT_015" is the same article typed in Latin
            catalogItem(104, "КТ-015", "Полотенце кухонное льняное «Петушки»", "460123450016", "390.00"),
            catalogItem(105, "RM-SALT-016", "Соль морская крупная, 1 кг", "460123450017", "180.00"),
            catalogItem(106, "RM-BAG-017", "Сумка-шоппер холщовая «Лес»", "460123450018", "650.00"),
            catalogItem(107, "RM-SET-018", "Набор подарочный: чай и мёд", "460123450019", "1490.00"),
            catalogItem(108, "RM-PEN-019", "Ручка шариковая синяя", "460123450021", "45.00"),
            catalogItem(109, "RM-PEN-020", "Ручка шариковая чёрная", "460123450024", "45.00"),
            catalogItem(110, "RM-CUP-021", "Чашка чайная «Маки», 300 мл", "460123450022", "520.00"),
            catalogItem(111, "RM-CUP-021", "Чашка чайная «Маки», 300 мл (уценка)", "460123450023", "390.00"));

    private static Item catalogItem(int code, String article, String name, String barcode12, String price) {
        return new Item(guid("nomenclature", "catalog-" + code), String.format("00-%08d", code), name, article, null,
                null, barcode12 + ean13CheckDigit(barcode12), new BigDecimal(price));
    }

    /**
     * A product each marketplace's catalog has beyond its ordered offers (OZON_OFFERS, WB_CARDS, YM_OFFERS), the same
     * at the three: the seller's article (Ozon offer_id, WB vendorCode, Market offerId), the name and the barcode the
     * marketplace knows. What the workbench should find is said next to each.
     */
    public record CatalogOffer(String offerId, String name, List<String> barcodes, String expected) {
    }

    public static final List<CatalogOffer> CATALOG_OFFERS = List.of(
            new CatalogOffer("RM-PLD-011", "Плед шерстяной Клетка 140x200", catalogBarcodes(0), "barcode"),
            new CatalogOffer("RM-SHP-012", "Шапка вязаная Снежинка", catalogBarcodes(1), "barcode"),
            new CatalogOffer("VAZA-GZHEL-25", "Ваза Гжель 25 см", catalogBarcodes(2), "barcode"),
            new CatalogOffer("KT_015", "Полотенце для кухни, лён", List.of(), "article"),
            new CatalogOffer("rm.salt.016", "Соль морская 1кг", List.of(), "article"),
            new CatalogOffer("SHOPPER-LES", "Сумка шоппер холщовая Лес", List.of(), "name"),
            new CatalogOffer("GIFT-TEA-HONEY", "Подарочный набор чая и мёда", List.of(), "name"),
            new CatalogOffer("PEN-SET-2", "Ручки шариковые, 2 шт.", catalogBarcodes(7, 8),
                    "barcodes of two items"),
            new CatalogOffer("RM-CUP-021", "Чашка Маки 300 мл", List.of(), "ambiguous article"),
            new CatalogOffer("LAMP-LED-99", "Светильник настольный светодиодный", List.of(), "nothing"));

    private static List<String> catalogBarcodes(int... items) {
        return java.util.Arrays.stream(items).mapToObj(i -> CATALOG_ITEMS.get(i).barcode()).toList();
    }

    /** The 1C barcode register: every ITEMS and CATALOG_ITEMS barcode with its item. */
    public static List<Item> barcodedItems() {
        List<Item> all = new java.util.ArrayList<>(ITEMS);
        all.addAll(CATALOG_ITEMS);
        return all;
    }

    // ---- Ozon side -----------------------------------------------------------------------------------------

    /** An Ozon seller cabinet: Client-Id and the sandbox Api-Key (not a secret: it only opens the emulator). */
    public record OzonAccount(String id, String clientId, String apiKey, Organization organization,
                              Contract contract, LocalDate goLiveDate) {
    }

    public static final OzonAccount OZON_ROMASHKA = new OzonAccount("ozon-romashka", "100001",
            "sandbox-ozon-key-romashka", ROMASHKA, ROMASHKA_OZON_CONTRACT, LocalDate.of(2026, 11, 1));
    public static final OzonAccount OZON_VASILKOV = new OzonAccount("ozon-vasilkov", "100002",
            "sandbox-ozon-key-vasilkov", VASILKOV, VASILKOV_OZON_CONTRACT, LocalDate.of(2026, 11, 1));
    public static final List<OzonAccount> OZON_ACCOUNTS = List.of(OZON_ROMASHKA, OZON_VASILKOV);

    /** An Ozon FBS warehouse (the seller's own warehouse as registered at Ozon) and the 1C warehouse it maps to. */
    public record OzonWarehouse(long id, String name, String accountId, Warehouse onecWarehouse) {
    }

    public static final List<OzonWarehouse> OZON_WAREHOUSES = List.of(
            new OzonWarehouse(1020000000001L, "Ромашка FBS Подольск", OZON_ROMASHKA.id(), MAIN_WAREHOUSE),
            new OzonWarehouse(1020000000002L, "Ромашка FBS Казань", OZON_ROMASHKA.id(), KAZAN_WAREHOUSE),
            new OzonWarehouse(1020000000003L, "Васильков FBS Мытищи", OZON_VASILKOV.id(), VASILKOV_WAREHOUSE));

    /**
     * An Ozon product offer: {@code offer_id} (the seller's article at Ozon) and Ozon's SKU. {@code item} is the 1C
     * item it is, and {@code mapped} says whether the sandbox's mapping table already knows it: the unmapped
     * ones produce UNMAPPED_PRODUCT dead letters until an integrator maps them.
     */
    public record OzonOffer(String offerId, long sku, Item item, boolean mapped) {
    }

    public static final List<OzonOffer> OZON_OFFERS = List.of(
            offer("RM-TEA-001", 1_870_000_001L, 0, true),
            offer("RM-TEA-002", 1_870_000_002L, 1, true),
            offer("RM-HON-003", 1_870_000_003L, 2, true),
            offer("RM-MUG-004", 1_870_000_004L, 3, true),
            offer("RM-TSH-005-M", 1_870_000_005L, 4, true),
            offer("RM-TSH-005-L", 1_870_000_006L, 5, true),
            offer("RM-TSH-005-XL", 1_870_000_007L, 6, true),
            offer("RM-SCF-006", 1_870_000_008L, 7, true),
            offer("RM-CAN-007", 1_870_000_009L, 8, true),
            // deliberately unmapped: sold on Ozon, present in 1C, but nobody has mapped them yet
            offer("RM-SOP-008", 1_870_000_010L, 9, false),
            offer("RM-NTB-009", 1_870_000_011L, 10, false),
            offer("RM-SPN-010", 1_870_000_012L, 11, true));

    private static OzonOffer offer(String offerId, long sku, int itemIndex, boolean mapped) {
        return new OzonOffer(offerId, sku, ITEMS.get(itemIndex), mapped);
    }

    // ---- Wildberries side ----------------------------------------------------------------------------------

    /**
     * A Wildberries seller cabinet: its API token (a sandbox value, not a secret) and which key its product
     * mapping uses ({@code chrtId}, {@code nmId}, {@code article} or {@code barcode}).
     */
    public record WildberriesAccount(String id, String token, Organization organization, Contract contract,
                                     LocalDate goLiveDate, String productKey) {
    }

    public static final WildberriesAccount WB_ROMASHKA = new WildberriesAccount("wb-romashka",
            "sandbox-wb-token-romashka", ROMASHKA, ROMASHKA_WB_CONTRACT, LocalDate.of(2026, 11, 1), "chrtId");
    public static final WildberriesAccount WB_VASILKOV = new WildberriesAccount("wb-vasilkov",
            "sandbox-wb-token-vasilkov", VASILKOV, VASILKOV_WB_CONTRACT, LocalDate.of(2026, 11, 1), "chrtId");
    public static final List<WildberriesAccount> WB_ACCOUNTS = List.of(WB_ROMASHKA, WB_VASILKOV);

    /** A seller warehouse registered at Wildberries (FBS) and the 1C warehouse it maps to. */
    public record WildberriesWarehouse(long id, String name, String accountId, Warehouse onecWarehouse) {
    }

    public static final List<WildberriesWarehouse> WB_WAREHOUSES = List.of(
            new WildberriesWarehouse(1_101_001L, "Ромашка FBS Подольск (WB)", WB_ROMASHKA.id(), MAIN_WAREHOUSE),
            new WildberriesWarehouse(1_101_002L, "Васильков FBS Мытищи (WB)", WB_VASILKOV.id(), VASILKOV_WAREHOUSE));

    /**
     * A Wildberries product card size: {@code nmId} (the card), {@code chrtId} (the size), the seller's article
     * ({@code vendorCode}) and the size's barcode ({@code skus} in orders).
     */
    public record WildberriesCard(long nmId, long chrtId, String vendorCode, String barcode, Item item,
                                  boolean mapped) {
    }

    public static final List<WildberriesCard> WB_CARDS = List.of(
            wbCard(0, true), wbCard(1, true), wbCard(2, true), wbCard(3, true),
            wbCard(4, true), wbCard(5, true), wbCard(6, true), wbCard(7, true), wbCard(8, true),
            // deliberately unmapped, like at Ozon
            wbCard(9, false), wbCard(10, false), wbCard(11, true));

    private static WildberriesCard wbCard(int itemIndex, boolean mapped) {
        Item item = ITEMS.get(itemIndex);
        // the three sizes of one shirt share one card (nmId) and differ by chrtId
        long nmId = item.characteristicRef() == null ? 210_000_000L + itemIndex : 210_000_004L;
        return new WildberriesCard(nmId, 310_000_000L + itemIndex, item.article(), item.barcode(), item, mapped);
    }

    // ---- Yandex Market side --------------------------------------------------------------------------------

    /** A Yandex Market cabinet (business) with one FBS store (campaign) and the 1C warehouse it ships from. */
    public record YandexMarketAccount(String id, long businessId, long campaignId, String apiKey,
                                      Organization organization, Contract contract, LocalDate goLiveDate,
                                      Warehouse onecWarehouse) {
    }

    public static final YandexMarketAccount YM_ROMASHKA = new YandexMarketAccount("ym-romashka", 70_000_001L,
            21_000_001L, "sandbox-ym-key-romashka", ROMASHKA, ROMASHKA_YM_CONTRACT, LocalDate.of(2026, 11, 1),
            MAIN_WAREHOUSE);
    public static final YandexMarketAccount YM_VASILKOV = new YandexMarketAccount("ym-vasilkov", 70_000_002L,
            21_000_002L, "sandbox-ym-key-vasilkov", VASILKOV, VASILKOV_YM_CONTRACT, LocalDate.of(2026, 11, 1),
            VASILKOV_WAREHOUSE);
    public static final List<YandexMarketAccount> YM_ACCOUNTS = List.of(YM_ROMASHKA, YM_VASILKOV);

    /** A Yandex Market offer: the seller's {@code offerId} (SKU) and Market's own {@code marketSku}. */
    public record YandexMarketOffer(String offerId, long marketSku, Item item, boolean mapped) {
    }

    public static final List<YandexMarketOffer> YM_OFFERS = List.of(
            ymOffer(0, true), ymOffer(1, true), ymOffer(2, true), ymOffer(3, true),
            ymOffer(4, true), ymOffer(5, true), ymOffer(6, true), ymOffer(7, true), ymOffer(8, true),
            ymOffer(9, false), ymOffer(10, false), ymOffer(11, true));

    private static YandexMarketOffer ymOffer(int itemIndex, boolean mapped) {
        Item item = ITEMS.get(itemIndex);
        String offerId = item.characteristicName() == null ? item.article()
                : item.article() + "-" + item.characteristicName().replace("Размер ", "");
        return new YandexMarketOffer(offerId, 100_500_000_000L + itemIndex, item, mapped);
    }
}
