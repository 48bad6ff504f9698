package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * One 1C information register of current prices and how its rows read. УТ 11.5 and КА 2.5 have two: the classic
 * {@code ЦеныНоменклатуры} (by Номенклатура, Характеристика, ВидЦены) and, in a base on "Ценообразование 2.5",
 * {@code ЦеныНоменклатуры25} (by Номенклатура, ХарактеристикаЦО, СерияЦО, УпаковкаЦО, ВидЦены); which one holds the
 * prices depends on the base's pricing mode, so the integrator chooses it ({@value #SETTING}).
 *
 * @param name            the register's metadata name, as the setting names it
 * @param entitySet       what SliceLast is read from ({@code _RecordType} for a recorder-subordinate register)
 * @param priceType       the dimension naming the price type
 * @param characteristic  the dimension naming the characteristic
 * @param unitOnly        dimensions and resources that must be empty for a row to be the price of one unit of the
 *                        item (a price of a series or of a package is not the marketplace's price)
 * @param productWide     whether a row without a characteristic is the price of every characteristic of its product
 *                        (Ценообразование 2.5 fills ХарактеристикаЦО only for kinds priced per characteristic)
 */
public record PriceRegister(String name, String entitySet, String priceType, String characteristic, List<String> unitOnly,
                            boolean productWide) {

    /** The setting that chooses the УТ/КА price register. */
    public static final String SETTING = "mp1c.onec.priceRegister";

    public static final String CLASSIC_NAME = "ЦеныНоменклатуры";
    public static final String PRICING_25_NAME = "ЦеныНоменклатуры25";

    /** УНФ 3.0: an independent periodic register by {@code ВидЦен}. */
    public static final PriceRegister UNF = new PriceRegister(CLASSIC_NAME, "InformationRegister_ЦеныНоменклатуры",
            "ВидЦен", "Характеристика", List.of(), false);
    /** УТ 11.5 / КА 2.5 without Ценообразование 2.5: recorder-subordinate, by {@code ВидЦены}. */
    public static final PriceRegister UT = new PriceRegister(CLASSIC_NAME,
            "InformationRegister_ЦеныНоменклатуры_RecordType", "ВидЦены", "Характеристика", List.of(), false);
    /** УТ 11.5 / КА 2.5 on Ценообразование 2.5: recorder-subordinate, by {@code ВидЦены} and {@code ХарактеристикаЦО}. */
    public static final PriceRegister UT_25 = new PriceRegister(PRICING_25_NAME,
            "InformationRegister_ЦеныНоменклатуры25_RecordType", "ВидЦены", "ХарактеристикаЦО",
            List.of("СерияЦО", "УпаковкаЦО", "Упаковка"), true);

    /**
     * The УТ/КА register a value of {@value #SETTING} names: {@code ЦеныНоменклатуры} (also {@code prices}, the
     * default when blank) or {@code ЦеныНоменклатуры25} (also {@code prices25}).
     */
    public static PriceRegister ofSetting(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.equals(CLASSIC_NAME) || v.toLowerCase(Locale.ROOT).equals("prices")) {
            return UT;
        }
        if (v.equals(PRICING_25_NAME) || v.toLowerCase(Locale.ROOT).equals("prices25")) {
            return UT_25;
        }
        throw new IllegalArgumentException(SETTING + " must be " + CLASSIC_NAME + " (or prices) or " + PRICING_25_NAME
                + " (or prices25), not '" + value + "'");
    }

    /** The {@code Condition} selecting one price type. */
    public String condition(String priceTypeRef) {
        return priceType + "_Key eq guid'" + priceTypeRef + "'";
    }

    /** The row's characteristic (the empty GUID when none). */
    public String characteristic(JsonNode row) {
        return InventoryProfile.key(row, characteristic);
    }

    /** Whether the row prices one unit of its item: no series, no package ({@link #unitOnly}). */
    public boolean isUnitPrice(JsonNode row) {
        for (String field : unitOnly) {
            if (!InventoryProfile.key(row, field).equals(InventoryProfile.EMPTY_REF)) {
                return false;
            }
        }
        return true;
    }
}
