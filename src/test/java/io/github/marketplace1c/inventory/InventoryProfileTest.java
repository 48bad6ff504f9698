package io.github.marketplace1c.inventory;

import static org.assertj.core.api.Assertions.assertThat;

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
}
