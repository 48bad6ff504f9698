package io.github.marketplace1c.sandbox.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The finance reads: {@code /v2/finance/realization} (the monthly realization report) and the 2026 replacement
 * of the retired transaction list, {@code /v1/finance/accrual/types} and {@code /v1/finance/accrual/by-day}.
 * <p>
 * Before Ozon publishes a month's report (around the 5th of the next month, on a date nobody can predict) the
 * report method answers <b>404</b> with code 5: the spec declares 404 "Ответ не найден" for this operation and no
 * other way of saying "not ready"; the same answer comes for a month that has no report at all. A client must
 * tell it from Ozon's bad-key 404 by the message.
 */
final class FinanceEndpoints {

    static final String NOT_READY_MESSAGE = "realization report not found";
    /** {@code /v1/finance/accrual/by-day}: "Самая ранняя — 1 января 2022 года". */
    static final LocalDate EARLIEST_ACCRUAL_DATE = LocalDate.of(2022, 1, 1);
    /** The report "за период не раньше августа 2023 года". */
    static final YearMonth EARLIEST_REPORT = YearMonth.of(2023, 8);

    /** The accrual types the sandbox's accruals use: the spec publishes no list, so these ids are the emulator's. */
    static final List<String[]> ACCRUAL_TYPES = List.of(
            new String[]{"101", "Логистика", "Доставка отправления от склада продавца до сортировочного центра Ozon"},
            new String[]{"102", "Последняя миля", "Доставка отправления покупателю от сортировочного центра"},
            new String[]{"103", "Обработка отправления", "Приём и обработка отправления FBS"},
            new String[]{"104", "Эквайринг", "Оплата услуг по приёму платежей покупателей"},
            new String[]{"105", "Упаковка товара", "Упаковка товара отправления на складе Ozon"},
            new String[]{"201", "Размещение товаров на складе", "Хранение товаров на складе Ozon"},
            new String[]{"301", "Продвижение в поиске", "Оплата за клик в поиске"},
            new String[]{"302", "Подписка Premium Plus", "Ежемесячная подписка продавца"},
            new String[]{"401", "Обработка грузоместа", "Приёмка и обработка грузоместа (короба, паллеты) поставки"});

    private final OzonFinance finance;
    private final Clock clock;

    FinanceEndpoints(OzonFinance finance, Clock clock) {
        this.finance = finance;
        this.clock = clock;
    }

    ObjectNode realization(String clientId, JsonNode body) {
        int month = requiredInt(body, "month");
        int year = requiredInt(body, "year");
        if (month < 1 || month > 12) {
            throw OzonApiException.invalidArgument("invalid value for month: must be from 1 to 12");
        }
        YearMonth period = YearMonth.of(year, month);
        if (period.isBefore(EARLIEST_REPORT)) {
            throw OzonApiException.invalidArgument("the report is available for periods from August 2023");
        }
        OzonFinance.Report report = finance.report(clientId, period)
                .filter(r -> !clock.instant().isBefore(r.publishAt()))
                .orElseThrow(() -> new OzonApiException(404, 5, NOT_READY_MESSAGE));
        ObjectNode answer = OzonJson.object();
        ObjectNode result = answer.putObject("result");
        result.set("header", report.header().deepCopy());
        ArrayNode rows = result.putArray("rows");
        synchronized (report.rows()) {
            report.rows().forEach(r -> rows.add(r.deepCopy()));
        }
        return answer;
    }

    ObjectNode accrualTypes(String clientId, JsonNode body) {
        ObjectNode answer = OzonJson.object();
        ArrayNode types = answer.putArray("accrual_types");
        for (String[] type : ACCRUAL_TYPES) {
            ObjectNode t = types.addObject();
            t.put("id", Integer.parseInt(type[0]));
            t.put("name", type[1]);
            t.put("description", type[2]);
        }
        return answer;
    }

    /**
     * One page of a day's accruals in {@code accrual_id} order after {@code last_id}. A full page carries the last
     * accrual's id as {@code last_id} (whether or not more follow, as a keyset cursor does); a page that is not
     * full, the empty one included, carries {@code ""}: the end.
     */
    ObjectNode accrualsByDay(String clientId, JsonNode body) {
        JsonNode dateNode = body.get("date");
        if (dateNode == null || !dateNode.isTextual() || dateNode.asText().isEmpty()) {
            throw OzonApiException.invalidArgument("date is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dateNode.asText());
        } catch (DateTimeParseException e) {
            throw OzonApiException.invalidArgument("invalid value for date: " + dateNode.asText()
                    + " (expected YYYY-MM-DD)");
        }
        if (date.isBefore(EARLIEST_ACCRUAL_DATE)) {
            throw OzonApiException.invalidArgument("invalid value for date: the earliest date is 2022-01-01");
        }
        JsonNode lastIdNode = body.get("last_id");
        if (lastIdNode == null || !lastIdNode.isTextual()) {
            throw OzonApiException.invalidArgument("last_id is required: an empty string for the first page");
        }
        long after;
        try {
            after = lastIdNode.asText().isEmpty() ? Long.MIN_VALUE : Long.parseLong(lastIdNode.asText());
        } catch (NumberFormatException e) {
            throw OzonApiException.invalidArgument("invalid value for last_id: " + lastIdNode.asText());
        }
        int pageSize = finance.accrualPageSize();
        List<OzonFinance.Accrual> page = finance.accruals(clientId, date).stream()
                .filter(a -> a.accrualId() > after).limit(pageSize).toList();
        ObjectNode answer = OzonJson.object();
        ArrayNode list = answer.putArray("accruals");
        page.forEach(a -> list.add(withNullGroups(a.json().deepCopy())));
        answer.put("last_id", page.size() == pageSize ? Long.toString(page.get(page.size() - 1).accrualId()) : "");
        return answer;
    }

    /**
     * Live answers carry {@code "posting": null} and {@code "item_fees": null} on accruals without them (both
     * {@code nullable} in the spec); the other groups are simply left out.
     */
    private static ObjectNode withNullGroups(ObjectNode accrual) {
        for (String group : List.of("posting", "item_fees")) {
            if (!accrual.has(group)) {
                accrual.putNull(group);
            }
        }
        return accrual;
    }

    private static int requiredInt(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw OzonApiException.invalidArgument(field + " is required");
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw OzonApiException.invalidArgument("invalid value for " + field + ": an integer is expected");
        }
        return node.intValue();
    }
}
