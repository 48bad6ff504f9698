package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;

/**
 * УТ 11.5 and КА 2.5 (the same ERP-family objects): {@code Document_ЗаказКлиента} with tabular section
 * {@code Товары}. Orders name a partner and an agreement besides the counterparty; the marketplace number goes to
 * {@code НомерПоДаннымКлиента}. A cancelled order has its lines cancelled (with a reason) and is closed.
 */
public class UtOrderProfile implements OrderDocumentProfile {

    /** Integer (Int64) fields of a Товары row. */
    private static final java.util.Set<String> INTEGER_FIELDS = java.util.Set.of("LineNumber", "КодСтроки",
            "КлючСвязи", "СрокПоставки", "СтатусУказанияСерий");

    private final OneCSettings settings;

    public UtOrderProfile(OneCSettings settings) {
        this.settings = settings;
    }

    @Override
    public String entitySet() {
        return "Document_ЗаказКлиента";
    }

    @Override
    public String externalNumberField() {
        return "НомерПоДаннымКлиента";
    }

    @Override
    public ObjectNode newOrder(ResolvedOrder resolved, DocumentVat vat, ObjectMapper json) {
        Order order = resolved.order();
        var refs = resolved.account().onec();
        String date = OrderText.date(order.createdAt(), settings.timeZone());
        ObjectNode doc = json.createObjectNode();
        doc.put("Date", date);
        doc.put("Организация_Key", refs.organization());
        doc.put("Партнер_Key", OrderText.refOrEmpty(refs.partner()));
        doc.put("Контрагент_Key", refs.counterparty());
        doc.put("Соглашение_Key", OrderText.refOrEmpty(refs.agreement()));
        doc.put("Договор_Key", OrderText.refOrEmpty(refs.contract()));
        doc.put("Склад_Key", resolved.warehouseRef());
        if (settings.currencyRef() != null) {
            doc.put("Валюта_Key", settings.currencyRef());
        }
        doc.put("ХозяйственнаяОперация", settings.utOrderOperation());
        doc.put("Статус", settings.utOrderStatus());
        doc.put("ЦенаВключаетНДС", true);
        doc.put("НалогообложениеНДС", utTaxation(resolved.lines().stream()
                .map(line -> vat.of(line.nomenclatureRef())).toList()));
        doc.put(externalNumberField(), OrderDocumentProfile.externalNumber(order.externalNumber()));
        doc.put("ДатаПоДаннымКлиента", date);
        doc.put("Комментарий", OrderText.comment(order, resolved.account()));
        doc.put("СуммаДокумента", order.total());
        ArrayNode rows = doc.putArray("Товары");
        int lineNumber = 1;
        for (ResolvedOrder.ResolvedLine line : resolved.lines()) {
            ObjectNode row = rows.addObject();
            row.put("LineNumber", lineNumber);
            row.put("Номенклатура_Key", line.nomenclatureRef());
            row.put("Характеристика_Key", OrderText.refOrEmpty(line.characteristicRef()));
            row.put("Количество", line.line().quantity());
            row.put("КоличествоУпаковок", line.line().quantity());
            row.put("Цена", line.line().price());
            VatRate rate = vat.of(line.nomenclatureRef());
            row.put("Сумма", line.line().sum());
            row.put("СтавкаНДС_Key", rate.ref());
            row.put("СуммаНДС", rate.vatIn(line.line().sum()));
            row.put("СуммаСНДС", line.line().sum());
            row.put("Склад_Key", resolved.warehouseRef());
            row.put("КодСтроки", lineNumber);
            lineNumber++;
        }
        doc.put("МаксимальныйКодСтроки", lineNumber - 1);
        return doc;
    }

    /** УТ/КА ТипыНалогообложенияНДС of a sale: a document whose every line is «Без НДС» is not subject to VAT. */
    static String utTaxation(java.util.Collection<VatRate> rates) {
        return DocumentVat.taxable(rates) ? "ПродажаОблагаетсяНДС" : "ПродажаНеОблагаетсяНДС";
    }

    @Override
    public ObjectNode cancellation(JsonNode existing, Order order, ObjectMapper json) {
        ObjectNode patch = json.createObjectNode();
        patch.put("Статус", "Закрыт");
        // A tabular section in a PATCH replaces the whole section: send every row back, cancelled.
        ArrayNode rows = patch.putArray("Товары");
        for (JsonNode existingRow : existing.path("Товары")) {
            ObjectNode row = rows.addObject();
            existingRow.fields().forEachRemaining(field -> {
                if (INTEGER_FIELDS.contains(field.getKey())) {
                    // Int64 is read as a JSON string; written back as a string 1C would store 0.
                    row.put(field.getKey(), field.getValue().asLong());
                } else if (!"Ref_Key".equals(field.getKey())) {
                    row.set(field.getKey(), field.getValue());
                }
            });
            row.put("Отменено", true);
            if (settings.utCancelReasonRef() != null) {
                row.put("ПричинаОтмены_Key", settings.utCancelReasonRef());
            }
        }
        patch.put("Комментарий", existing.path("Комментарий").asText("") + " Отменён на маркетплейсе: "
                + (order.cancelReason() == null ? "" : order.cancelReason()));
        return patch;
    }

    @Override
    public boolean isCancelled(JsonNode existing) {
        // closed is not enough (a seller closes orders for other reasons): every line must be cancelled
        JsonNode rows = existing.path("Товары");
        if (!rows.isArray() || rows.isEmpty()) {
            return false;
        }
        for (JsonNode row : rows) {
            if (!row.path("Отменено").asBoolean(false)) {
                return false;
            }
        }
        return true;
    }
}
