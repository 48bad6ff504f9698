package io.github.marketplace1c.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Where one 1C configuration keeps stock and prices, and how a row of its registers reads. УНФ:
 * {@code ЗапасыНаСкладах} and an independent {@code ЦеныНоменклатуры} (by {@code ВидЦен}); УТ and КА:
 * {@code ЗапасыИПотребности} (free stock = in stock − reserved) and a recorder-subordinate {@code ЦеныНоменклатуры}
 * (by {@code ВидЦены}).
 */
public interface InventoryProfile {

    /** The accumulation register whose {@code Balance} gives the free stock. */
    String stockRegister();

    /** The free quantity a row of that Balance stands for. */
    BigDecimal free(JsonNode row);

    /** The 1C warehouse of a balance row. */
    String warehouse(JsonNode row);

    String nomenclature(JsonNode row);

    String characteristic(JsonNode row);

    /** The information register whose {@code SliceLast} gives the current prices. */
    String priceRegister();

    /** The {@code Condition} selecting one price type. */
    String priceTypeCondition(String priceTypeRef);

    static String key(JsonNode row, String field) {
        String value = row.path(field + "_Key").asText("");
        if (value.isEmpty()) {
            value = row.path(field).asText(""); // a composite dimension: value + _Type
        }
        return value.isEmpty() ? "00000000-0000-0000-0000-000000000000" : value;
    }

    static BigDecimal number(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText("0"));
    }

    /** УНФ 3.0. */
    final class Unf implements InventoryProfile {
        @Override
        public String stockRegister() {
            return "AccumulationRegister_ЗапасыНаСкладах";
        }

        @Override
        public BigDecimal free(JsonNode row) {
            return number(row, "КоличествоBalance");
        }

        @Override
        public String warehouse(JsonNode row) {
            return key(row, "СтруктурнаяЕдиница");
        }

        @Override
        public String nomenclature(JsonNode row) {
            return key(row, "Номенклатура");
        }

        @Override
        public String characteristic(JsonNode row) {
            return key(row, "Характеристика");
        }

        @Override
        public String priceRegister() {
            return "InformationRegister_ЦеныНоменклатуры";
        }

        @Override
        public String priceTypeCondition(String priceTypeRef) {
            return "ВидЦен_Key eq guid'" + priceTypeRef + "'";
        }
    }

    /** УТ 11.5 and КА 2.5: free stock as УТ's own marketplace module computes it. */
    final class Ut implements InventoryProfile {
        @Override
        public String stockRegister() {
            return "AccumulationRegister_ЗапасыИПотребности";
        }

        @Override
        public BigDecimal free(JsonNode row) {
            return number(row, "ВНаличииBalance").subtract(number(row, "РезервироватьНаСкладеBalance"))
                    .subtract(number(row, "РезервироватьПоМереПоступленияBalance"));
        }

        @Override
        public String warehouse(JsonNode row) {
            return key(row, "Склад");
        }

        @Override
        public String nomenclature(JsonNode row) {
            return key(row, "Номенклатура");
        }

        @Override
        public String characteristic(JsonNode row) {
            return key(row, "Характеристика");
        }

        @Override
        public String priceRegister() {
            return "InformationRegister_ЦеныНоменклатуры_RecordType";
        }

        @Override
        public String priceTypeCondition(String priceTypeRef) {
            return "ВидЦены_Key eq guid'" + priceTypeRef + "'";
        }
    }
}
