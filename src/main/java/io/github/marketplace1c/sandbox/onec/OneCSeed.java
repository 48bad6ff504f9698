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
 * agreements), the commission contracts, warehouses, nomenclature with characteristics, the ruble, VAT 20 %, and in
 * УНФ the customer-order states. Only properties the configuration's metadata has are set, and the values go through
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
        put("Catalog_СтавкиНДС", SandboxData.VAT_20_REF, values(
                "Description", "20%",
                "Ставка", 20,
                "ПеречислениеСтавкаНДС", "НДС20",
                "ВидСтавкиНДС", "Общая"));
    }

    private void nomenclature(boolean unf) {
        Set<String> seen = new LinkedHashSet<>();
        List<SandboxData.Item> items = SandboxData.barcodedItems();
        for (SandboxData.Item item : items) {
            boolean withCharacteristics = items.stream()
                    .anyMatch(i -> i.nomenclatureRef().equals(item.nomenclatureRef()) && i.characteristicRef() != null);
            if (seen.add(item.nomenclatureRef())) {
                put("Catalog_Номенклатура", item.nomenclatureRef(), values(
                        "Code", item.code(),
                        "Description", item.name(),
                        "НаименованиеПолное", item.name(),
                        "Артикул", item.article(),
                        "ТипНоменклатуры", unf ? "Запас" : "Товар",
                        "ИспользоватьХарактеристики", withCharacteristics,
                        "ИспользованиеХарактеристик", withCharacteristics ? "ИндивидуальныеДляНоменклатуры" : "НеИспользовать",
                        "СтавкаНДС_Key", SandboxData.VAT_20_REF));
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
