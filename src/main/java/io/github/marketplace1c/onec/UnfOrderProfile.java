package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;

/**
 * УНФ 3.0: {@code Document_ЗаказПокупателя} with tabular section {@code Запасы}. In УНФ the line's
 * {@code Номенклатура} is composite (catalog item or a string), so it travels with {@code Номенклатура_Type};
 * warehouses are {@code СтруктурныеЕдиницы}; the marketplace number goes to {@code НомерВходящегоДокумента}.
 */
public class UnfOrderProfile implements OrderDocumentProfile {

    private final OneCSettings settings;

    public UnfOrderProfile(OneCSettings settings) {
        this.settings = settings;
    }

    @Override
    public String entitySet() {
        return "Document_ЗаказПокупателя";
    }

    @Override
    public String externalNumberField() {
        return "НомерВходящегоДокумента";
    }

    @Override
    public ObjectNode newOrder(ResolvedOrder resolved, DocumentVat vat, ObjectMapper json) {
        Order order = resolved.order();
        var refs = resolved.account().onec();
        String date = OrderText.date(order.createdAt(), settings.timeZone());
        ObjectNode doc = json.createObjectNode();
        doc.put("Date", date);
        doc.put("ВидОперации", "ЗаказНаПродажу");
        doc.put("Организация_Key", refs.organization());
        doc.put("Контрагент_Key", refs.counterparty());
        doc.put("Договор_Key", OrderText.refOrEmpty(refs.contract()));
        doc.put("СтруктурнаяЕдиницаРезерв_Key", resolved.warehouseRef());
        if (settings.currencyRef() != null) {
            doc.put("ВалютаДокумента_Key", settings.currencyRef());
        }
        doc.put("СуммаВключаетНДС", true);
        doc.put("НалогообложениеНДС", unfTaxation(resolved, vat));
        doc.put(externalNumberField(), OrderDocumentProfile.externalNumber(order.externalNumber()));
        doc.put("ДатаВходящегоДокумента", date);
        doc.put("Комментарий", OrderText.comment(order, resolved.account()));
        doc.put("СуммаДокумента", order.total());
        ArrayNode rows = doc.putArray("Запасы");
        int lineNumber = 1;
        for (ResolvedOrder.ResolvedLine line : resolved.lines()) {
            ObjectNode row = rows.addObject();
            row.put("LineNumber", lineNumber++);
            row.put("Номенклатура", line.nomenclatureRef());
            row.put("Номенклатура_Type", "StandardODATA.Catalog_Номенклатура");
            row.put("Характеристика_Key", OrderText.refOrEmpty(line.characteristicRef()));
            row.put("ТипНоменклатурыЗапас", true);
            row.put("Количество", line.line().quantity());
            row.put("Цена", line.line().price());
            VatRate rate = vat.of(line.nomenclatureRef());
            row.put("Сумма", line.line().sum());
            row.put("СтавкаНДС_Key", rate.ref());
            row.put("СуммаНДС", rate.vatIn(line.line().sum()));
            row.put("Всего", line.line().sum());
            row.put("СтруктурнаяЕдиницаРезерв_Key", resolved.warehouseRef());
        }
        return doc;
    }

    /** УНФ ТипыНалогообложенияНДС: a document whose every line is «Без НДС» is not subject to VAT. */
    static String unfTaxation(java.util.Collection<VatRate> rates) {
        return DocumentVat.taxable(rates) ? "ОблагаетсяНДС" : "НеОблагаетсяНДС";
    }

    private static String unfTaxation(ResolvedOrder resolved, DocumentVat vat) {
        return unfTaxation(resolved.lines().stream().map(line -> vat.of(line.nomenclatureRef())).toList());
    }

    @Override
    public ObjectNode cancellation(JsonNode existing, Order order, ObjectMapper json) {
        ObjectNode patch = json.createObjectNode();
        patch.put("ВариантЗавершения", settings.unfCancelledVariant());
        if (settings.unfCompletedStateRef() != null) {
            patch.put("СостояниеЗаказа", settings.unfCompletedStateRef());
            patch.put("СостояниеЗаказа_Type", "StandardODATA.Catalog_СостоянияЗаказовПокупателей");
        }
        patch.put("Комментарий", existing.path("Комментарий").asText("") + " Отменён на маркетплейсе: "
                + (order.cancelReason() == null ? "" : order.cancelReason()));
        return patch;
    }

    @Override
    public boolean isCancelled(JsonNode existing) {
        return settings.unfCancelledVariant().equals(existing.path("ВариантЗавершения").asText());
    }
}
