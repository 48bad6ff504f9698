package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.report.ReportAggregate;
import io.github.marketplace1c.report.ReportLine;
import io.github.marketplace1c.report.ReportRef;
import java.math.BigDecimal;
import java.util.List;

/**
 * УНФ 3.0: {@code Document_ОтчетКомиссионера} keeps sales in {@code Запасы} and returns in {@code ЗапасыВозвраты}
 * (both with positive quantities and sums; the header's {@code СуммаДокументаВозврат}/{@code СуммаВознагражденияВозврат}
 * carry the returns), the transfer to the seller in {@code СуммаПередачи} where the marketplace states it; services
 * go to {@code Document_ПриходнаяНакладная}, tabular section {@code Расходы}, one row per service kind with the
 * service map's nomenclature.
 */
public class UnfReportProfile implements ReportDocumentProfile {

    private final OneCSettings settings;

    public UnfReportProfile(OneCSettings settings) {
        this.settings = settings;
    }

    @Override
    public String salesEntitySet() {
        return "Document_ОтчетКомиссионера";
    }

    @Override
    public String servicesEntitySet() {
        return "Document_ПриходнаяНакладная";
    }

    @Override
    public List<String> salesSections() {
        return List.of("Запасы", "ЗапасыВозвраты");
    }

    @Override
    public ObjectNode salesReport(Account account, ReportRef report, ReportAggregate totals, List<ResolvedLine> lines,
                                  DocumentVat vat, VatRate rewardRate, ObjectMapper json) {
        ObjectNode doc = header(account, report, json);
        doc.put("НалогообложениеНДС", UnfOrderProfile.unfTaxation(
                lines.stream().map(line -> vat.of(line.nomenclatureRef())).toList()));
        doc.put("СтавкаНДСВознаграждения_Key", rewardRate.ref());
        doc.put("УдержатьКомиссионноеВознаграждение", true);
        doc.put("СуммаДокумента", totals.sales());
        doc.put("СуммаВознаграждения", totals.rewardOnSales());
        doc.put("СуммаДокументаВозврат", totals.returns());
        doc.put("СуммаВознагражденияВозврат", totals.rewardOnReturns());
        doc.put("СуммаДокументаСУчетомВознаграждения", totals.sales().subtract(totals.rewardOnSales()));
        ArrayNode sales = doc.putArray("Запасы");
        ArrayNode returns = doc.putArray("ЗапасыВозвраты");
        for (ResolvedLine resolved : lines) {
            ReportAggregate.ProductLine line = resolved.line();
            ArrayNode rows = line.kind == ReportLine.Kind.SALE ? sales : returns;
            ObjectNode row = rows.addObject();
            row.put("LineNumber", rows.size());
            row.put("Номенклатура_Key", resolved.nomenclatureRef());
            row.put("Характеристика_Key", OrderText.refOrEmpty(resolved.characteristicRef()));
            row.put("Количество", line.quantity);
            row.put("Цена", ReportDocumentProfile.price(line.saleSum, line.quantity));
            VatRate rate = vat.of(resolved.nomenclatureRef());
            row.put("Сумма", line.saleSum);
            row.put("СтавкаНДС_Key", rate.ref());
            row.put("СуммаНДС", rate.vatIn(line.saleSum));
            row.put("Всего", line.saleSum);
            row.put("СуммаВознаграждения", line.reward);
            row.put("СуммаНДСВознаграждения", rewardRate.vatIn(line.reward));
            if (line.transfer != null) {
                row.put("СуммаПередачи", line.transfer);
                row.put("СуммаНДСПередачи", rate.vatIn(line.transfer));
                row.put("ЦенаПередачи", ReportDocumentProfile.price(line.transfer, line.quantity));
            }
        }
        return doc;
    }

    @Override
    public ObjectNode servicesReceipt(Account account, ReportRef report, ReportAggregate totals,
                                      List<ResolvedService> services, DocumentVat vat, ObjectMapper json) {
        ObjectNode doc = header(account, report, json);
        doc.put("НалогообложениеНДС", UnfOrderProfile.unfTaxation(
                services.stream().map(service -> ReportDocumentProfile.rateOf(service, vat)).toList()));
        doc.put("СуммаДокумента", totals.servicesTotal());
        ArrayNode rows = doc.putArray("Расходы");
        for (ResolvedService resolved : services) {
            BigDecimal amount = resolved.service().amount;
            ObjectNode row = rows.addObject();
            row.put("LineNumber", rows.size());
            row.put("Номенклатура_Key", resolved.nomenclatureRef());
            row.put("Количество", 1);
            row.put("Цена", amount);
            VatRate rate = ReportDocumentProfile.rateOf(resolved, vat);
            row.put("Сумма", amount);
            row.put("СтавкаНДС_Key", rate.ref());
            row.put("СуммаНДС", rate.vatIn(amount));
            row.put("Всего", amount);
            row.put("Содержание", resolved.content());
        }
        return doc;
    }

    private ObjectNode header(Account account, ReportRef report, ObjectMapper json) {
        var refs = account.onec();
        ObjectNode doc = json.createObjectNode();
        doc.put("Date", ReportDocumentProfile.date(report.periodEnd()));
        doc.put("Организация_Key", refs.organization());
        doc.put("Контрагент_Key", refs.counterparty());
        doc.put("Договор_Key", OrderText.refOrEmpty(refs.contract()));
        if (settings.currencyRef() != null) {
            doc.put("ВалютаДокумента_Key", settings.currencyRef());
        }
        doc.put("СуммаВключаетНДС", true);
        doc.put("НомерВходящегоДокумента", report.number());
        doc.put("ДатаВходящегоДокумента", ReportDocumentProfile.date(report.date()));
        doc.put("Комментарий", ReportDocumentProfile.comment(report, account));
        return doc;
    }
}
