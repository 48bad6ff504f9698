package io.github.marketplace1c.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InventoryProfileTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void utFreeStockIsInStockLessBothReservesAndItsWarehouseIsCompositeDimension() throws Exception {
        JsonNode row = json.readTree("""
                {"Номенклатура_Key":"11111111-1111-1111-1111-111111111111","Характеристика_Key":"00000000-0000-0000-0000-000000000000",
                 "Склад":"22222222-2222-2222-2222-222222222222","Склад_Type":"StandardODATA.Catalog_Склады",
                 "ВНаличииBalance":12,"РезервироватьНаСкладеBalance":2.5,"РезервироватьПоМереПоступленияBalance":1}
                """);

        assertThat(InventoryProfile.UT.free(row)).isEqualByComparingTo("8.5");
        assertThat(InventoryProfile.UT.warehouse(row)).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(InventoryProfile.UT.nomenclature(row)).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(InventoryProfile.UT.priceTypeCondition("33333333-3333-3333-3333-333333333333"))
                .isEqualTo("ВидЦены_Key eq guid'33333333-3333-3333-3333-333333333333'");
    }

    @Test
    void unfFreeStockIsTheQuantityOnItsStructuralUnit() throws Exception {
        JsonNode row = json.readTree("""
                {"Номенклатура_Key":"11111111-1111-1111-1111-111111111111",
                 "СтруктурнаяЕдиница_Key":"44444444-4444-4444-4444-444444444444","КоличествоBalance":7}
                """);

        assertThat(InventoryProfile.UNF.free(row)).isEqualByComparingTo("7");
        assertThat(InventoryProfile.UNF.warehouse(row)).isEqualTo("44444444-4444-4444-4444-444444444444");
        assertThat(InventoryProfile.UNF.characteristic(row)).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(InventoryProfile.UNF.priceTypeCondition("x")).isEqualTo("ВидЦен_Key eq guid'x'");
        assertThat(InventoryProfile.UNF.priceRegister()).isEqualTo("InformationRegister_ЦеныНоменклатуры");
    }

    @Test
    void theSettingChoosesTheUtPriceRegisterAndTheClassicOneStaysTheDefault() throws Exception {
        assertThat(InventoryProfile.of("UT", "").priceRegister())
                .isEqualTo("InformationRegister_ЦеныНоменклатуры_RecordType");
        assertThat(InventoryProfile.of("KA", "prices").prices()).isEqualTo(PriceRegister.UT);
        InventoryProfile pricing25 = InventoryProfile.of("UT", "ЦеныНоменклатуры25");
        assertThat(InventoryProfile.of("KA", "prices25")).isEqualTo(pricing25);
        assertThat(pricing25.priceRegister()).isEqualTo("InformationRegister_ЦеныНоменклатуры25_RecordType");
        assertThat(pricing25.priceTypeCondition("33333333-3333-3333-3333-333333333333"))
                .isEqualTo("ВидЦены_Key eq guid'33333333-3333-3333-3333-333333333333'");
        assertThat(pricing25.otherPrices()).isEqualTo(PriceRegister.UT);
        assertThat(InventoryProfile.UT.otherPrices()).isEqualTo(PriceRegister.UT_25);
        assertThat(InventoryProfile.of("UNF", "").otherPrices()).isNull();
        // stock reading does not change with the price register
        assertThat(pricing25.stockRegister()).isEqualTo(InventoryProfile.UT.stockRegister());
    }

    @Test
    void aPricing25RowIsKeyedByХарактеристикаЦОAndOnlyAUnitPriceCounts() throws Exception {
        JsonNode unit = json.readTree("""
                {"Номенклатура_Key":"11111111-1111-1111-1111-111111111111",
                 "ХарактеристикаЦО_Key":"55555555-5555-5555-5555-555555555555",
                 "СерияЦО_Key":"00000000-0000-0000-0000-000000000000","УпаковкаЦО_Key":"00000000-0000-0000-0000-000000000000",
                 "Упаковка_Key":"00000000-0000-0000-0000-000000000000","Цена":1290}
                """);
        JsonNode box = json.readTree("""
                {"Номенклатура_Key":"11111111-1111-1111-1111-111111111111",
                 "ХарактеристикаЦО_Key":"55555555-5555-5555-5555-555555555555",
                 "УпаковкаЦО_Key":"66666666-6666-6666-6666-666666666666","Цена":12000}
                """);

        assertThat(PriceRegister.UT_25.characteristic(unit)).isEqualTo("55555555-5555-5555-5555-555555555555");
        assertThat(PriceRegister.UT.characteristic(unit)).as("the classic register's field is Характеристика")
                .isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(PriceRegister.UT_25.isUnitPrice(unit)).isTrue();
        assertThat(PriceRegister.UT_25.isUnitPrice(box)).isFalse();
        assertThat(PriceRegister.UT.isUnitPrice(box)).as("the classic register has no such dimensions").isTrue();
    }

    @Test
    void aWrongValueOrPricing25OnUnfIsRefusedAtStartWithTheSettingNamed() {
        assertThatThrownBy(() -> InventoryProfile.of("UT", "ЦеныНоменклатуры2"))
                .hasMessageContaining("mp1c.onec.priceRegister").hasMessageContaining("ЦеныНоменклатуры25");
        assertThatThrownBy(() -> InventoryProfile.of("UNF", "prices25"))
                .hasMessageContaining("УНФ has no register ЦеныНоменклатуры25");
        assertThat(InventoryProfile.of("UNF", "ЦеныНоменклатуры")).isEqualTo(InventoryProfile.UNF);
    }
}
