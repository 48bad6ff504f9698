package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects every emulated base starts with, taken from {@link SandboxData} so that the marketplace emulators, the
 * mapping tables and 1C agree on GUIDs: organizations, the Ozon counterparty (and, in УТ/КА, partner and
 * agreements), the commission contracts, warehouses, nomenclature with characteristics, the ruble, the VAT catalog
 * with the 2026 rates (items and contracts carry theirs, {@link SandboxData#vatOf}), and in УНФ the customer-order
 * states. Only properties the configuration's metadata has are set, and the values go through
 * a strict binder, so the seed is exactly what a strict client could have written.
 */
final class OneCSeed {

    /** УНФ order states, refs {@code SandboxData.guid("order-state", name)}. */
    static final List<String> ORDER_STATES = List.of("Новый", "В работе", "Завершен");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OneCEmulator.Configuration configuration;
    private final MetadataCatalog metadata;
    private final OneCStore store;
    private final EntityBinder strictBinder;

    OneCSeed(OneCEmulator.Configuration configuration, MetadataCatalog metadata, OneCStore store) {
        this.configuration = configuration;
        this.metadata = metadata;
        this.store = store;
        this.strictBinder = new EntityBinder(metadata, true);
    }

    void seed() {
        boolean unf = configuration == OneCEmulator.Configuration.UNF;
        currencyAndVat();
        for (SandboxData.Organization organization : SandboxData.ORGANIZATIONS) {
            boolean entrepreneur = organization.inn().length() == 12;
            put("Catalog_Организации", organization.ref(), values(
                    "Description", organization.name(),
                    "НаименованиеПолное", organization.name(),
                    "НаименованиеСокращенное", organization.name(),
                    "ИНН", organization.inn(),
                    "ЮрФизЛицо", entrepreneur ? "ИндивидуальныйПредприниматель" : "ЮрЛицо"));
        }
        if (!unf) {
            for (SandboxData.Counterparty marketplace : SandboxData.COUNTERPARTIES) {
                put("Catalog_Партнеры", marketplace.partnerRef(), values(
                        "Description", marketplace.shortName(),
                        "НаименованиеПолное", marketplace.name(),
                        "Клиент", true));
            }
        }
        for (SandboxData.Counterparty counterparty : SandboxData.COUNTERPARTIES) {
            put("Catalog_Контрагенты", counterparty.ref(), values(
                    "Description", counterparty.name(),
                    "НаименованиеПолное", counterparty.name(),
                    "ИНН", counterparty.inn(),
                    "КПП", counterparty.kpp(),
                    "ВидКонтрагента", "ЮридическоеЛицо",
                    "ЮрФизЛицо", "ЮрЛицо",
                    "ЮридическоеФизическоеЛицо", "ЮридическоеЛицо",
                    "Покупатель", true,
                    "Партнер_Key", unf ? null : counterparty.partnerRef()));
        }
        for (SandboxData.Contract contract : SandboxData.CONTRACTS) {
            Map<String, Object> values = values(
                    "Description", contract.name(),
                    "Организация_Key", contract.organizationRef(),
                    "ВалютаРасчетов_Key", SandboxData.RUBLE_REF,
                    "ВалютаВзаиморасчетов_Key", SandboxData.RUBLE_REF);
            if (unf) {
                values.put("ВидДоговора", "СКомиссионером");
                owner(values, "Catalog_ДоговорыКонтрагентов", "Catalog_Контрагенты", contract.counterpartyRef());
            } else {
                values.put("ТипДоговора", "СКомиссионером");
                // УТ/КА: the contract says how the organization's sales are taxed (УСН 5 %: every line at 5 %)
                values.put("НалогообложениеНДС", "ПродажаОблагаетсяНДС");
                SandboxData.VatItem regime = SandboxData.ORGANIZATIONS.stream()
                        .filter(o -> o.ref().equals(contract.organizationRef())).findFirst()
                        .map(SandboxData::regimeOf).orElse(null);
                values.put("СтавкаНДС_Key", regime == null ? null : regime.ref());
                values.put("Контрагент_Key", contract.counterpartyRef());
                values.put("Партнер_Key", partnerOf(contract.counterpartyRef()));
                values.put("Статус", "Действует");
            }
            put("Catalog_ДоговорыКонтрагентов", contract.ref(), values);
        }
        if (!unf) {
            for (SandboxData.Organization organization : SandboxData.ORGANIZATIONS) {
                for (SandboxData.Counterparty marketplace : SandboxData.COUNTERPARTIES) {
                    put("Catalog_СоглашенияСКлиентами", SandboxData.agreementRef(organization, marketplace), values(
                            "Description", marketplace.shortName() + ": комиссия (" + organization.name() + ")",
                            "Организация_Key", organization.ref(),
                            "Партнер_Key", marketplace.partnerRef(),
                            "Контрагент_Key", marketplace.ref(),
                            "Валюта_Key", SandboxData.RUBLE_REF,
                            "ЦенаВключаетНДС", true,
                            "ХозяйственнаяОперация", "ПередачаНаКомиссию"));
                }
            }
        }
        for (SandboxData.Warehouse warehouse : SandboxData.WAREHOUSES) {
            if (unf) {
                String organization = warehouse == SandboxData.VASILKOV_WAREHOUSE
                        ? SandboxData.VASILKOV.ref() : SandboxData.ROMASHKA.ref();
                put("Catalog_СтруктурныеЕдиницы", warehouse.ref(), values(
                        "Description", warehouse.name(),
                        "ТипСтруктурнойЕдиницы", "Склад",
                        "Организация_Key", organization));
            } else {
                put("Catalog_Склады", warehouse.ref(), values("Description", warehouse.name()));
            }
        }
        nomenclature(unf);
        for (io.github.marketplace1c.sandbox.SandboxServices.Service service
                : io.github.marketplace1c.sandbox.SandboxServices.SERVICES) {
            put("Catalog_Номенклатура", service.nomenclatureRef(), values(
                    "Code", service.code(),
                    "Description", service.name(),
                    "НаименованиеПолное", service.name(),
                    "ТипНоменклатуры", "Услуга",
                    // the marketplaces are VAT payers: their services carry the general rate
                    "СтавкаНДС_Key", SandboxData.VAT_22.ref(),
                    "ВидСтавкиНДС", SandboxData.VAT_22.kind()));
        }
        if (unf) {
            for (String state : ORDER_STATES) {
                put("Catalog_СостоянияЗаказовПокупателей", SandboxData.guid("order-state", state),
                        values("Description", state));
            }
        }
    }

    private void currencyAndVat() {
        put("Catalog_Валюты", SandboxData.RUBLE_REF, values(
                "Code", "643",
                "Description", "руб.",
                "НаименованиеПолное", "Российский рубль",
                "СимвольноеПредставление", "₽"));
        for (SandboxData.VatItem vat : SandboxData.VAT_ITEMS) {
            put("Catalog_СтавкиНДС", vat.ref(), values(
                    "Description", vat.name(),
                    "Ставка", vat.percent() == null ? 0 : vat.percent(),
                    // УНФ
                    "НеОблагается", vat.percent() == null,
                    "Расчетная", vat.calculated(),
                    "ВидСтавкиНДС", vat.kind(),
                    // УТ/КА: the old enum has no 22/7/5 % values; validity says which general rate applies when
                    "РасчетнаяСтавка", vat.calculated(),
                    "ПеречислениеСтавкаНДС", legacyEnum(vat),
                    "НачалоПериода", vat == SandboxData.VAT_22 || vat == SandboxData.VAT_22_122
                            ? "2026-01-01T00:00:00" : null,
                    "КонецПериода", vat.until() == null ? null : vat.until() + "T00:00:00",
                    "Основная", !vat.calculated()));
        }
    }

    /** УТ/КА's ПеречислениеСтавкаНДС of an item: the rates the old enum knows; none for 22, 7, 5 %. */
    private static String legacyEnum(SandboxData.VatItem vat) {
        if (vat.percent() == null) {
            return "БезНДС";
        }
        return switch (vat.percent().intValue()) {
            case 20 -> "НДС20";
            case 10 -> "НДС10";
            case 0 -> "НДС0";
            default -> null;
        };
    }

    private void nomenclature(boolean unf) {
        for (SandboxData.Category category : SandboxData.CATEGORIES) {
            put(unf ? "Catalog_КатегорииНоменклатуры" : "Catalog_ТоварныеКатегории", category.ref(),
                    values("Description", category.name()));
        }
        if (!unf) {
            put("Catalog_ВидыНоменклатуры", SandboxData.GOODS_KIND.ref(), values("Description",
                    SandboxData.GOODS_KIND.name(), "ТипНоменклатуры", "Товар"));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<SandboxData.Item> items = SandboxData.barcodedItems();
        for (SandboxData.Item item : items) {
            boolean withCharacteristics = items.stream()
                    .anyMatch(i -> i.nomenclatureRef().equals(item.nomenclatureRef()) && i.characteristicRef() != null);
            if (seen.add(item.nomenclatureRef())) {
                Map<String, Object> values = values(
                        "Code", item.code(),
                        "Description", item.name(),
                        "НаименованиеПолное", item.name(),
                        "Артикул", item.article(),
                        "ТипНоменклатуры", unf ? "Запас" : "Товар",
                        "ИспользоватьХарактеристики", withCharacteristics,
                        "ИспользованиеХарактеристик", withCharacteristics ? "ИндивидуальныеДляНоменклатуры" : "НеИспользовать",
                        "СтавкаНДС_Key", SandboxData.vatOf(item).ref(),
                        "ВидСтавкиНДС", SandboxData.vatOf(item).kind(),
                        unf ? "КатегорияНоменклатуры_Key" : "ТоварнаяКатегория_Key", SandboxData.categoryOf(item).ref());
                if (!unf) {
                    values.put("ВидНоменклатуры_Key", SandboxData.GOODS_KIND.ref());
                }
                put("Catalog_Номенклатура", item.nomenclatureRef(), values);
            }
            if (item.characteristicRef() != null) {
                Map<String, Object> values = values(
                        "Description", item.characteristicName(),
                        "НаименованиеПолное", item.name() + ", " + item.characteristicName());
                owner(values, "Catalog_ХарактеристикиНоменклатуры", "Catalog_Номенклатура", item.nomenclatureRef());
                put("Catalog_ХарактеристикиНоменклатуры", item.characteristicRef(), values);
            }
        }
    }

    /** Owner_Key for a single-owner catalog, Owner + Owner_Type when it has several owner types. */
    private void owner(Map<String, Object> values, String catalog, String ownerSet, String ownerRef) {
        var set = metadata.entitySet(catalog);
        if (set.isPresent() && set.get().property("Owner_Type").isPresent()) {
            values.put("Owner", ownerRef);
            values.put("Owner_Type", "StandardODATA." + ownerSet);
        } else {
            values.put("Owner_Key", ownerRef);
        }
    }

    /** Writes one object if its catalog exists in this configuration; properties the metadata lacks are left out. */
    void put(String setName, String ref, Map<String, Object> values) {
        var found = metadata.entitySet(setName);
        if (found.isEmpty()) {
            return;
        }
        EntitySet set = found.get();
        ObjectNode body = MAPPER.createObjectNode();
        values.forEach((name, value) -> {
            if (value != null && set.property(name).isPresent()) {
                body.set(name, MAPPER.valueToTree(value));
            }
        });
        ObjectNode object = strictBinder.defaults(set, ref);
        strictBinder.apply(set, object, body);
        if (set.property("Code").isPresent() && object.path("Code").asText().isEmpty()) {
            object.put("Code", store.nextNumber(set, "Code"));
        }
        store.insert(set, object);
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }


    private static String partnerOf(String counterpartyRef) {
        return SandboxData.COUNTERPARTIES.stream().filter(c -> c.ref().equals(counterpartyRef)).findFirst()
                .orElseThrow().partnerRef();
    }
}
