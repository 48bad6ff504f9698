package io.github.marketplace1c.sandbox.onec;

import io.github.marketplace1c.sandbox.onec.OneCEmulator.Configuration;
import io.github.marketplace1c.sandbox.onec.Property.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataCatalogTest {

    private static Property property(MetadataCatalog catalog, String set, String name) {
        return catalog.entitySet(set).orElseThrow().property(name)
                .orElseThrow(() -> new AssertionError(set + " has no " + name));
    }

    @ParameterizedTest
    @EnumSource(value = Configuration.class, names = {"UT", "KA"})
    void utAndKaCustomerOrderHasTheFieldsFlowsWrite(Configuration configuration) {
        MetadataCatalog catalog = MetadataCatalog.forConfiguration(configuration);
        EntitySet order = catalog.entitySet("Document_ЗаказКлиента").orElseThrow();

        assertThat(order.properties().keySet()).startsWith("Ref_Key", "DataVersion", "DeletionMark", "Number", "Date", "Posted");
        assertThat(property(catalog, "Document_ЗаказКлиента", "НомерПоДаннымКлиента").kind()).isEqualTo(Kind.STRING);
        assertThat(property(catalog, "Document_ЗаказКлиента", "НомерПоДаннымКлиента").maxLength()).isEqualTo(30);
        assertThat(property(catalog, "Document_ЗаказКлиента", "Организация_Key").kind()).isEqualTo(Kind.GUID);
        assertThat(property(catalog, "Document_ЗаказКлиента", "Статус").kind()).isEqualTo(Kind.ENUM);
        assertThat(order.tabularSection("Товары")).isPresent();
        assertThat(property(catalog, "Document_ЗаказКлиента_Товары", "Номенклатура_Key").kind()).isEqualTo(Kind.GUID);
        assertThat(property(catalog, "Document_ЗаказКлиента_Товары", "LineNumber").kind()).isEqualTo(Kind.INT64);
        assertThat(property(catalog, "Document_ЗаказКлиента_Товары", "КодСтроки").kind()).isEqualTo(Kind.INT64);
        assertThat(property(catalog, "Document_ЗаказКлиента_Товары", "Количество").kind()).isEqualTo(Kind.DOUBLE);
        assertThat(catalog.enumValues("СтатусыЗаказовКлиентов")).hasValueSatisfying(v -> assertThat(v).contains("КОтгрузке"));
        // a partial list ("778 values, first 80") must not be used for validation
        assertThat(catalog.enumValues("ХозяйственныеОперации")).isEmpty();
        // CodeLength 0 (or absent): no Code property
        assertThat(catalog.entitySet("Catalog_Контрагенты").orElseThrow().property("Code")).isEmpty();
        assertThat(catalog.entitySet("Catalog_Номенклатура").orElseThrow().property("Code")).isPresent();
        assertThat(catalog.entitySet("Catalog_Склады").orElseThrow().property("Parent_Key")).isPresent();
    }

    @Test
    void unfCustomerOrderHasCompositeNomenclatureInRowsAndIncomingNumberInHeader() {
        MetadataCatalog catalog = MetadataCatalog.forConfiguration(Configuration.UNF);

        assertThat(property(catalog, "Document_ЗаказПокупателя", "НомерВходящегоДокумента").maxLength()).isEqualTo(30);
        Property nomenclature = property(catalog, "Document_ЗаказПокупателя_Запасы", "Номенклатура");
        assertThat(nomenclature.kind()).isEqualTo(Kind.COMPOSITE);
        assertThat(nomenclature.compositeTypes()).contains("StandardODATA.Catalog_Номенклатура", "Edm.String");
        assertThat(property(catalog, "Document_ЗаказПокупателя_Запасы", "Номенклатура_Type").kind()).isEqualTo(Kind.COMPOSITE_TYPE);
        assertThat(property(catalog, "Document_ЗаказПокупателя_Запасы", "Характеристика_Key").kind()).isEqualTo(Kind.GUID);
        assertThat(catalog.entitySet("Document_ЗаказПокупателя_Запасы").orElseThrow().property("Номенклатура_Key")).isEmpty();
        assertThat(property(catalog, "Document_ЗаказПокупателя", "ВидОперации").enumName()).isEqualTo("ВидыОперацийЗаказПокупателя");
        assertThat(catalog.entitySet("Catalog_Склады")).isEmpty();
        assertThat(catalog.entitySet("Catalog_СтруктурныеЕдиницы")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void multiOwnerCatalogsHaveCompositeOwner(Configuration configuration) {
        MetadataCatalog catalog = MetadataCatalog.forConfiguration(configuration);

        EntitySet characteristics = catalog.entitySet("Catalog_ХарактеристикиНоменклатуры").orElseThrow();
        assertThat(characteristics.property("Owner")).isPresent();
        assertThat(characteristics.property("Owner_Type")).isPresent();
        assertThat(characteristics.property("Owner_Key")).isEmpty();
        assertThat(characteristics.property("Predefined")).isPresent();
        // registers are read past without breaking, but not served
        assertThat(catalog.entitySets()).noneMatch(s -> s.name().startsWith("AccumulationRegister_"));
        assertThat(catalog.entitySets()).anyMatch(s -> s.name().equals("Document_ОтчетКомиссионера"));
    }

    @Test
    void typeSpellingsOfBothGeneratorsMapAlike() {
        assertThat(MetadataCatalog.properties("a", "string(0)").get(0).maxLength()).isZero();
        assertThat(MetadataCatalog.properties("a", "String(unlim)").get(0).maxLength()).isZero();
        assertThat(MetadataCatalog.properties("a", "String(150)").get(0).maxLength()).isEqualTo(150);
        assertThat(MetadataCatalog.properties("a", "decimal(15,2)").get(0).kind()).isEqualTo(Kind.DOUBLE);
        assertThat(MetadataCatalog.properties("a", "Number(10,0)").get(0).kind()).isEqualTo(Kind.INT64);
        assertThat(MetadataCatalog.properties("a", "Number(4,0)").get(0).kind()).isEqualTo(Kind.INT16);
        assertThat(MetadataCatalog.properties("a", "Date").get(0).kind()).isEqualTo(Kind.DATETIME);
        assertThat(MetadataCatalog.properties("a", "dateTime").get(0).kind()).isEqualTo(Kind.DATETIME);
        assertThat(MetadataCatalog.properties("a", "Boolean").get(0).kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(MetadataCatalog.properties("a", "v8:UUID").get(0).kind()).isEqualTo(Kind.GUID);
        assertThat(MetadataCatalog.properties("a", "DefinedType.Цена").get(0).kind()).isEqualTo(Kind.DEFINED);
        assertThat(MetadataCatalog.properties("a", "Characteristic.X").get(0).compositeTypes()).isNull();
        assertThat(MetadataCatalog.properties("a", "v8:ValueStorage")).extracting(Property::name)
                .containsExactly("a_Base64Data", "a_Type");
    }
}
