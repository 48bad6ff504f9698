package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where one 1C configuration keeps stock and prices, and how a row of its registers reads. The configurations
 * differ only in names, so a profile is those names:
 *
 * @param stockRegister   the accumulation register whose {@code Balance} gives the free stock
 * @param inStock         the resource of that Balance holding the quantity in stock
 * @param reserves        resources subtracted from it to give the free stock
 * @param warehouse       the dimension naming the 1C warehouse
 * @param prices          the information register whose {@code SliceLast} gives the current prices
 * @param otherPrices     the configuration's other price register (УТ/КА: the one not chosen), or null: read only to
 *                        tell the integrator that the chosen one is empty while that one is not
 * @param category        the attribute of {@code Catalog_Номенклатура} naming its product category (stock rules)
 * @param kind            the attribute naming its kind (stock rules), null where the configuration has none
 */
public record InventoryProfile(String stockRegister, String inStock, List<String> reserves, String warehouse,
                               PriceRegister prices, PriceRegister otherPrices, String category, String kind) {

    static final String EMPTY_REF = "00000000-0000-0000-0000-000000000000";

    /** УНФ 3.0: {@code ЗапасыНаСкладах}, and an independent {@code ЦеныНоменклатуры} by {@code ВидЦен}. */
    public static final InventoryProfile UNF = new InventoryProfile("AccumulationRegister_ЗапасыНаСкладах",
            "КоличествоBalance", List.of(), "СтруктурнаяЕдиница", PriceRegister.UNF, null,
            "КатегорияНоменклатуры", null);

    /**
     * УТ 11.5 and КА 2.5: free stock as УТ's own marketplace module computes it (in stock − reserved, from
     * {@code ЗапасыИПотребности}); a recorder-subordinate {@code ЦеныНоменклатуры} by {@code ВидЦены} (see
     * {@link #withPrices(PriceRegister)} for a base on Ценообразование 2.5).
     */
    public static final InventoryProfile UT = new InventoryProfile("AccumulationRegister_ЗапасыИПотребности",
            "ВНаличииBalance", List.of("РезервироватьНаСкладеBalance", "РезервироватьПоМереПоступленияBalance"), "Склад",
            PriceRegister.UT, PriceRegister.UT_25, "ТоварнаяКатегория", "ВидНоменклатуры");

    /**
     * The profile of a configuration ({@code UNF}, {@code UT}, {@code KA}) with the price register
     * {@value PriceRegister#SETTING} names (УТ/КА only: УНФ has one price register, and naming ЦеныНоменклатуры25
     * there fails, as the base has no such register).
     */
    public static InventoryProfile of(String configuration, String priceRegisterSetting) {
        if ("UNF".equalsIgnoreCase(configuration)) {
            if (PriceRegister.ofSetting(priceRegisterSetting) != PriceRegister.UT) {
                throw new IllegalArgumentException("УНФ has no register " + PriceRegister.PRICING_25_NAME + ": remove "
                        + PriceRegister.SETTING + " or set it to " + PriceRegister.CLASSIC_NAME);
            }
            return UNF;
        }
        return UT.withPrices(PriceRegister.ofSetting(priceRegisterSetting));
    }

    /** This profile reading prices from {@code chosen}; the other УТ/КА register becomes {@link #otherPrices}. */
    public InventoryProfile withPrices(PriceRegister chosen) {
        PriceRegister other = chosen == PriceRegister.UT_25 ? PriceRegister.UT : PriceRegister.UT_25;
        return new InventoryProfile(stockRegister, inStock, reserves, warehouse, chosen, other, category, kind);
    }

    /** The entity set whose SliceLast gives the current prices. */
    public String priceRegister() {
        return prices.entitySet();
    }

    /** The free quantity a row of the stock Balance stands for. */
    public BigDecimal free(JsonNode row) {
        BigDecimal free = number(row, inStock);
        for (String reserve : reserves) {
            free = free.subtract(number(row, reserve));
        }
        return free;
    }

    /** The 1C warehouse of a balance row. */
    public String warehouse(JsonNode row) {
        return key(row, warehouse);
    }

    public String nomenclature(JsonNode row) {
        return key(row, "Номенклатура");
    }

    public String characteristic(JsonNode row) {
        return key(row, "Характеристика");
    }

    /** The {@code Condition} selecting one price type. */
    public String priceTypeCondition(String priceTypeRef) {
        return prices.condition(priceTypeRef);
    }

    static String key(JsonNode row, String field) {
        String value = row.path(field + "_Key").asText("");
        if (value.isEmpty()) {
            value = row.path(field).asText(""); // a composite dimension: value + _Type
        }
        return value.isEmpty() ? EMPTY_REF : value;
    }

    static BigDecimal number(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText("0"));
    }
}
