package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.report.ReportAggregate;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportRef;
import java.math.BigDecimal;
import java.util.List;

/**
 * УТ 11.5 and КА 2.5: {@code Document_ОтчетКомиссионера} with one tabular section {@code Товары}, returns as negative
 * rows; the goods were passed to the marketplace at the sale price, so {@code Цена/Сумма} equal
 * {@code ЦенаПродажи/СуммаПродажи}; the reward per row in {@code СуммаВознаграждения}, the period in
 * {@code НачалоПериода/КонецПериода}. Services go to {@code Document_ПриобретениеУслугПрочихАктивов}, tabular section
 * {@code Расходы}: its rows have no nomenclature, so the service map's expense item ({@code СтатьяРасходов}) and
 * the service's name ({@code Содержание}) say what was bought.
 */
public class UtReportProfile implements ReportDocumentProfile {

    static final String EXPENSE_ITEM_TYPE = "StandardODATA.ChartOfCharacteristicTypes_СтатьиРасходов";

    private final OneCSettings settings;

    public UtReportProfile(OneCSettings settings) {
        this.settings = settings;
    }

    @Override
    public String salesEntitySet() {
        return "Document_ОтчетКомиссионера";
    }

    @Override
    public String servicesEntitySet() {
        return "Document_ПриобретениеУслугПрочихАктивов";
    }

    @Override
    public List<String> salesSections() {
        return List.of("Товары");
    }

    @Override
    public ObjectNode salesReport(Account account, ReportRef report, ReportAggregate totals, List<ResolvedLine> lines,
                                  DocumentVat vat, VatRate rewardRate, ObjectMapper json) {
        ObjectNode doc = header(account, report, json);
        doc.put("НалогообложениеНДС", UtOrderProfile.utTaxation(
                lines.stream().map(line -> vat.of(line.nomenclatureRef())).toList()));
        doc.put("СтавкаНДСВознаграждения_Key", rewardRate.ref());
        doc.put("Соглашение_Key", OrderText.refOrEmpty(account.onec().agreement()));
        doc.put("НачалоПериода", ReportDocumentProfile.date(report.periodStart()));
        doc.put("КонецПериода", ReportDocumentProfile.date(report.periodEnd()));
        doc.put("УдержатьВознаграждение", true);
        doc.put("СуммаДокумента", totals.sales().subtract(totals.returns()));
        doc.put("СуммаВознаграждения", totals.reward());
        ArrayNode rows = doc.putArray("Товары");
        BigDecimal rewardVat = BigDecimal.ZERO;
        for (ResolvedLine resolved : lines) {
            ReportAggregate.ProductLine line = resolved.line();
            BigDecimal sign = line.kind == ReportLine.Kind.RETURN ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            BigDecimal price = ReportDocumentProfile.price(line.saleSum, line.quantity);
            ObjectNode row = rows.addObject();
            row.put("LineNumber", rows.size());
            row.put("Номенклатура_Key", resolved.nomenclatureRef());
            row.put("Характеристика_Key", OrderText.refOrEmpty(resolved.characteristicRef()));
            row.put("Количество", line.quantity.multiply(sign));
            row.put("КоличествоУпаковок", line.quantity.multiply(sign));
            row.put("Цена", price);
            VatRate rate = vat.of(resolved.nomenclatureRef());
            BigDecimal sum = line.saleSum.multiply(sign);
            row.put("Сумма", sum);
            row.put("СтавкаНДС_Key", rate.ref());
            row.put("СуммаНДС", rate.vatIn(sum));
            row.put("СуммаСНДС", sum);
            row.put("ЦенаПродажи", price);
            row.put("СуммаПродажи", sum);
            row.put("СуммаПродажиНДС", rate.vatIn(sum));
            row.put("СуммаВознаграждения", line.reward.multiply(sign));
            BigDecimal rowRewardVat = rewardRate.vatIn(line.reward.multiply(sign));
            row.put("СуммаНДСВознаграждения", rowRewardVat);
            rewardVat = rewardVat.add(rowRewardVat);
        }
        // the header is the rows' total, as 1C adds it up (not the VAT of the total: rounding would differ)
        doc.put("СуммаНДСВознаграждения", rewardVat);
        return doc;
    }

    @Override
    public ObjectNode servicesReceipt(Account account, ReportRef report, ReportAggregate totals,
                                      List<ResolvedService> services, DocumentVat vat, ObjectMapper json) {
        ObjectNode doc = header(account, report, json);
        // the seller buys from the marketplace: its taxation, a VAT payer's sale unless every service is «Без НДС»
        doc.put("НалогообложениеНДС", UtOrderProfile.utTaxation(
                services.stream().map(service -> ReportDocumentProfile.rateOf(service, vat)).toList()));
        if (settings.currencyRef() != null) {
            doc.put("ВалютаВзаиморасчетов_Key", settings.currencyRef());
        }
        doc.put("СуммаДокумента", totals.servicesTotal());
        ArrayNode rows = doc.putArray("Расходы");
        for (ResolvedService resolved : services) {
            if (resolved.expenseItemRef() == null) {
                throw new PermanentFailure(ReasonCode.UNMAPPED_SERVICE, "Account " + account.id() + ", "
                        + report.marketplace() + " report " + report.reportId() + ": the service map's row for '"
                        + resolved.service().key + "' has no expense_item_ref, which УТ/КА need for "
                        + "ПриобретениеУслугПрочихАктивов.Расходы (СтатьяРасходов)");
            }
            BigDecimal amount = resolved.service().amount;
            ObjectNode row = rows.addObject();
            row.put("LineNumber", rows.size());
            row.put("Содержание", resolved.content());
            row.put("Количество", 1);
            row.put("Цена", amount);
            VatRate rate = ReportDocumentProfile.rateOf(resolved, vat);
            row.put("Сумма", amount);
            row.put("СтавкаНДС_Key", rate.ref());
            row.put("СуммаНДС", rate.vatIn(amount));
            row.put("СуммаСНДС", amount);
            row.put("СтатьяРасходов", resolved.expenseItemRef());
            row.put("СтатьяРасходов_Type", EXPENSE_ITEM_TYPE);
        }
        return doc;
    }

    private ObjectNode header(Account account, ReportRef report, ObjectMapper json) {
        var refs = account.onec();
        ObjectNode doc = json.createObjectNode();
        doc.put("Date", ReportDocumentProfile.date(report.periodEnd()));
        doc.put("Организация_Key", refs.organization());
        doc.put("Партнер_Key", OrderText.refOrEmpty(refs.partner()));
        doc.put("Контрагент_Key", refs.counterparty());
        doc.put("Договор_Key", OrderText.refOrEmpty(refs.contract()));
        if (settings.currencyRef() != null) {
            doc.put("Валюта_Key", settings.currencyRef());
        }
        doc.put("ЦенаВключаетНДС", true);
        doc.put("НомерВходящегоДокумента", report.number());
        doc.put("ДатаВходящегоДокумента", ReportDocumentProfile.date(report.date()));
        doc.put("Комментарий", ReportDocumentProfile.comment(report, account));
        return doc;
    }
}
