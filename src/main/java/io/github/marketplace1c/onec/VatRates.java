package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * VAT rates as 1C has them. A row's rate is an item of {@code Catalog_СтавкиНДС}, found by its number and kind, never
 * by its name (a seller renames "22%" freely; the number and kind are what 1C computes with):
 * <ul>
 *     <li>УНФ 3.0: {@code Ставка}, {@code НеОблагается} («Без НДС»), {@code Расчетная} (22/122 — never on a sale row),
 *     {@code ВидСтавкиНДС}. An item's {@code Catalog_Номенклатура.ВидСтавкиНДС} is a kind, not an item: «Общая» is
 *     22 % from 2026-01-01 (20 % before), «Пониженная» 10 %, «Нулевая» 0 %, «БезНДС» the exempt item; any other kind
 *     (the УСН rates 5 % and 7 %) is the one item of that kind.</li>
 *     <li>УТ 11.5 / КА 2.5: {@code Ставка}, {@code РасчетнаяСтавка}, {@code НачалоПериода}/{@code КонецПериода}
 *     (validity), {@code ПеречислениеСтавкаНДС} ({@code БезНДС} is «Без НДС»; the 2026 rates 22/7/5 % have no value in
 *     that old enum). An item's {@code Catalog_Номенклатура.СтавкаНДС_Key} is the item itself.</li>
 * </ul>
 * The organization's regime comes first: the account's {@code settings.vatRate} (a Catalog_СтавкиНДС Ref_Key — УСН
 * 5 %, 7 % or «Без НДС» — put on every goods line) and, in УТ/КА, the commission contract's
 * {@code НалогообложениеНДС = ПродажаНеОблагаетсяНДС} («Без НДС») or its {@code СтавкаНДС}.
 *
 * <p>The catalog is read once and kept for {@code ttl}; items' and contracts' rates are kept as long and read in one
 * request per document for the items not known yet, so a document never costs an OData call per line. What kept
 * values cannot answer (an item without a rate, a rate not in the catalog) is asked of 1C again at once before it
 * fails, and a caller that finds a kept rate wrong (a mismatch with the marketplace) {@link #forget forgets} it and
 * asks again: a failure always reflects 1C as it is now, and the replay after the fix in 1C goes through.
 */
public class VatRates {

    public enum Flavor { UNF, UT }

    /** How long rates read from 1C are kept: a run reads them once; a change in 1C is seen within minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final String CATALOG = "Catalog_СтавкиНДС";
    private static final LocalDate RATE_22_FROM = LocalDate.of(2026, 1, 1);
    private static final int PAGE = 200;
    /** OData $filter of a few dozen "Ref_Key eq guid'…'" stays well inside a URL's length. */
    private static final int REFS_PER_REQUEST = 40;

    /** One catalog item in both configurations' terms. */
    record Item(String ref, BigDecimal percent, boolean exempt, boolean calculated, String kind, LocalDate from,
                LocalDate to) {

        boolean validOn(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }

        VatRate rate() {
            return new VatRate(ref, exempt ? null : percent);
        }
    }

    private record Cached<T>(T value, Instant until) {
    }

    private final ODataClient odata;
    private final Flavor flavor;
    private final Duration ttl;
    private final Clock clock;
    private volatile Cached<Map<String, Item>> catalog;
    /** nomenclature Ref_Key → its rate field (УТ: a Catalog_СтавкиНДС ref; УНФ: a ВидСтавкиНДС kind; "" = empty). */
    private final Map<String, Cached<String>> items = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<VatRate>>> contracts = new ConcurrentHashMap<>();

    public VatRates(ODataClient odata, Flavor flavor, Duration ttl, Clock clock) {
        this.odata = odata;
        this.flavor = flavor;
        this.ttl = ttl;
        this.clock = clock;
    }

    public static Flavor flavorOf(OrderDocumentProfile profile) {
        return profile instanceof UnfOrderProfile ? Flavor.UNF : Flavor.UT;
    }

    public static Flavor flavorOf(ReportDocumentProfile profile) {
        return profile instanceof UnfReportProfile ? Flavor.UNF : Flavor.UT;
    }

    public Flavor flavor() {
        return flavor;
    }

    /** The rates of goods an account sells: the organization's regime when it has one, else each item's own. */
    public DocumentVat goods(Account account, Collection<String> nomenclatureRefs, LocalDate day) {
        try {
            return goodsOnce(account, nomenclatureRefs, day);
        } catch (PermanentFailure kept) {
            forget(nomenclatureRefs);
            return goodsOnce(account, nomenclatureRefs, day);
        }
    }

    private DocumentVat goodsOnce(Account account, Collection<String> nomenclatureRefs, LocalDate day) {
        Optional<VatRate> regime = regime(account, day);
        if (regime.isPresent()) {
            Map<String, VatRate> rates = new LinkedHashMap<>();
            nomenclatureRefs.forEach(ref -> rates.put(ref, regime.get()));
            return new DocumentVat(rates);
        }
        return itemRates("Account " + account.id(), nomenclatureRefs, day);
    }

    /** The rates of services bought from a marketplace: each service item's own (the marketplace's VAT). */
    public DocumentVat services(String context, Collection<String> nomenclatureRefs, LocalDate day) {
        try {
            return itemRates(context, nomenclatureRefs, day);
        } catch (PermanentFailure kept) {
            forget(nomenclatureRefs);
            return itemRates(context, nomenclatureRefs, day);
        }
    }

    /** The general rate on that day (22 % from 2026): for a service the service map gives no item for. */
    public VatRate general(LocalDate day) {
        return byNumber(day.isBefore(RATE_22_FROM) ? new BigDecimal("20") : new BigDecimal("22"), null, day);
    }

    /** Drops what was read about these items and the catalog, so the next document reads them from 1C again. */
    public void forget(Collection<String> nomenclatureRefs) {
        nomenclatureRefs.forEach(items::remove);
        contracts.clear();
        catalog = null;
    }

    // ---- the organization's regime ---------------------------------------------------------------------------------

    private Optional<VatRate> regime(Account account, LocalDate day) {
        String setting = account.setting("vatRate", null);
        if (setting != null) {
            Item item = catalog().get(setting.strip());
            if (item == null) {
                catalog = null;
                throw new PermanentFailure(ReasonCode.CONFIGURATION, "Account " + account.id() + ": settings.vatRate "
                        + setting + " is not an item of " + CATALOG + " in 1C");
            }
            return Optional.of(item.rate());
        }
        String contract = account.onec().contract();
        if (flavor != Flavor.UT || contract == null || contract.isBlank()) {
            return Optional.empty();
        }
        Cached<Optional<VatRate>> cached = contracts.get(contract);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.value();
        }
        List<JsonNode> found = odata.find("Catalog_ДоговорыКонтрагентов", "Ref_Key eq guid'" + contract + "'", 1);
        Optional<VatRate> rate = Optional.empty();
        if (!found.isEmpty()) {
            JsonNode doc = found.get(0);
            String rateRef = doc.path("СтавкаНДС_Key").asText("");
            if ("ПродажаНеОблагаетсяНДС".equals(doc.path("НалогообложениеНДС").asText())) {
                rate = Optional.of(exempt(account.id() + "'s contract sells without VAT"));
            } else if (!isEmptyRef(rateRef)) {
                Item item = catalog().get(rateRef);
                if (item == null) {
                    throw new PermanentFailure(ReasonCode.CONFIGURATION, "Account " + account.id()
                            + ": the contract's СтавкаНДС " + rateRef + " is not an item of " + CATALOG);
                }
                rate = Optional.of(item.rate());
            }
        }
        contracts.put(contract, new Cached<>(rate, clock.instant().plus(ttl)));
        return rate;
    }

    // ---- items' own rates --------------------------------------------------------------------------------------------

    private DocumentVat itemRates(String context, Collection<String> nomenclatureRefs, LocalDate day) {
        Set<String> wanted = new LinkedHashSet<>(nomenclatureRefs);
        Instant now = clock.instant();
        List<String> unknown = wanted.stream()
                .filter(ref -> items.get(ref) == null || !now.isBefore(items.get(ref).until())).toList();
        read(unknown);
        Map<String, VatRate> rates = new LinkedHashMap<>();
        for (String ref : wanted) {
            Cached<String> field = items.get(ref);
            if (field == null) {
                throw new PermanentFailure(ReasonCode.CONFIGURATION, context + ": the item " + ref
                        + " is not in Catalog_Номенклатура of 1C");
            }
            rates.put(ref, rateOfItem(context, ref, field.value(), day));
        }
        return new DocumentVat(rates);
    }

    private void read(List<String> refs) {
        String field = flavor == Flavor.UNF ? "ВидСтавкиНДС" : "СтавкаНДС_Key";
        Instant until = clock.instant().plus(ttl);
        for (int from = 0; from < refs.size(); from += REFS_PER_REQUEST) {
            List<String> part = refs.subList(from, Math.min(refs.size(), from + REFS_PER_REQUEST));
            String filter = part.stream().map(ref -> "Ref_Key eq guid'" + ref + "'")
                    .collect(Collectors.joining(" or "));
            odata.readAllWhere("Catalog_Номенклатура", filter, "Ref_Key," + field, PAGE,
                    row -> items.put(row.path("Ref_Key").asText(),
                            new Cached<>(row.path(field).asText(""), until)));
        }
    }

    private VatRate rateOfItem(String context, String nomenclatureRef, String field, LocalDate day) {
        if (field.isBlank() || isEmptyRef(field)) {
            items.remove(nomenclatureRef);
            throw new PermanentFailure(ReasonCode.CONFIGURATION, context + ": the item " + nomenclatureRef
                    + " has no VAT rate in 1C (Catalog_Номенклатура." + (flavor == Flavor.UNF ? "ВидСтавкиНДС"
                    : "СтавкаНДС") + "); set it in 1C and replay");
        }
        if (flavor == Flavor.UT) {
            Item item = catalog().get(field);
            if (item == null) {
                catalog = null;
                items.remove(nomenclatureRef);
                throw new PermanentFailure(ReasonCode.CONFIGURATION, context + ": the item " + nomenclatureRef
                        + " refers to VAT rate " + field + ", which is not an item of " + CATALOG);
            }
            return item.rate();
        }
        return switch (field) {
            case "Общая" -> byNumber(general(day).percent(), field, day);
            case "Пониженная" -> byNumber(BigDecimal.TEN, field, day);
            case "Нулевая" -> byNumber(BigDecimal.ZERO, field, day);
            case "БезНДС" -> exempt(context);
            default -> onlyOfKind(context, field);
        };
    }

    // ---- the catalog -------------------------------------------------------------------------------------------------

    /** The rate with that number, not a calculated one, valid on the day; of that kind (УНФ) when one is given. */
    VatRate byNumber(BigDecimal percent, String kind, LocalDate day) {
        List<Item> found = catalog().values().stream()
                .filter(item -> !item.exempt() && !item.calculated() && item.percent().compareTo(percent) == 0)
                .filter(item -> item.validOn(day))
                .filter(item -> kind == null || flavor == Flavor.UT || kind.equals(item.kind()))
                .toList();
        if (found.isEmpty()) {
            catalog = null;
            throw new PermanentFailure(ReasonCode.CONFIGURATION, "1C has no VAT rate " + VatRate.describe(percent)
                    + (kind == null || flavor == Flavor.UT ? "" : " of kind " + kind) + " valid on " + day + " in "
                    + CATALOG + " (Ставка " + percent.toPlainString() + ", not a calculated rate); add it in 1C");
        }
        return found.get(0).rate();
    }

    private VatRate exempt(String context) {
        return catalog().values().stream().filter(Item::exempt).findFirst().map(Item::rate).orElseThrow(() -> {
            catalog = null;
            return new PermanentFailure(ReasonCode.CONFIGURATION, context + ": 1C has no «Без НДС» item in "
                    + CATALOG + (flavor == Flavor.UNF ? " (НеОблагается)" : " (ПеречислениеСтавкаНДС БезНДС)"));
        });
    }

    private VatRate onlyOfKind(String context, String kind) {
        List<Item> found = catalog().values().stream()
                .filter(item -> kind.equals(item.kind()) && !item.calculated()).toList();
        if (found.size() != 1) {
            catalog = null;
            throw new PermanentFailure(ReasonCode.CONFIGURATION, context + ": " + CATALOG + " has " + found.size()
                    + " items of kind " + kind + " (ВидСтавкиНДС) that are not calculated rates; one is expected");
        }
        return found.get(0).rate();
    }

    Map<String, Item> catalog() {
        Cached<Map<String, Item>> cached = catalog;
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.value();
        }
        // accounts run in parallel: the first to need the catalog reads it, the others wait for that read
        synchronized (this) {
            cached = catalog;
            if (cached != null && clock.instant().isBefore(cached.until())) {
                return cached.value();
            }
            return readCatalog();
        }
    }

    private Map<String, Item> readCatalog() {
        Map<String, Item> read = new LinkedHashMap<>();
        List<Item> all = new ArrayList<>();
        odata.readAllWhere(CATALOG, "DeletionMark eq false", null, PAGE, row -> all.add(item(row)));
        all.forEach(item -> read.put(item.ref(), item));
        catalog = new Cached<>(Map.copyOf(read), clock.instant().plus(ttl));
        return read;
    }

    private Item item(JsonNode row) {
        BigDecimal percent = row.path("Ставка").isNumber() ? row.path("Ставка").decimalValue() : BigDecimal.ZERO;
        if (flavor == Flavor.UNF) {
            return new Item(row.path("Ref_Key").asText(), percent, row.path("НеОблагается").asBoolean(false),
                    row.path("Расчетная").asBoolean(false), row.path("ВидСтавкиНДС").asText(""), null, null);
        }
        return new Item(row.path("Ref_Key").asText(), percent,
                "БезНДС".equals(row.path("ПеречислениеСтавкаНДС").asText()),
                row.path("РасчетнаяСтавка").asBoolean(false), row.path("ПеречислениеСтавкаНДС").asText(""),
                day(row.path("НачалоПериода").asText("")), day(row.path("КонецПериода").asText("")));
    }

    /** 1C's empty date is 0001-01-01: no bound. */
    private static LocalDate day(String value) {
        if (value.length() < 10 || value.startsWith("0001-01-01")) {
            return null;
        }
        return LocalDate.parse(value.substring(0, 10));
    }

    private static boolean isEmptyRef(String ref) {
        return ref.isBlank() || "00000000-0000-0000-0000-000000000000".equals(ref);
    }
}
