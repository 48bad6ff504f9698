package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.report.ReportAggregate;
import io.github.marketplace1c.report.ReportRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How one 1C configuration keeps a commission agent's report and a services receipt: entity sets, header fields and
 * the tabular section, built whole each time (a reload replaces the tabular section). Knows nothing of marketplaces
 * beyond the report model.
 */
public interface ReportDocumentProfile {

    /** A product line of the report with its 1C references. */
    record ResolvedLine(ReportAggregate.ProductLine line, String nomenclatureRef, String characteristicRef) {
    }

    /** A service kind of the report with its 1C references from the service map. */
    record ResolvedService(ReportAggregate.ServiceLine service, String nomenclatureRef, String expenseItemRef,
                           String content) {
    }

    /** {@code Document_ОтчетКомиссионера}. */
    String salesEntitySet();

    /** {@code Document_ПриходнаяНакладная} (УНФ) or {@code Document_ПриобретениеУслугПрочихАктивов} (УТ/КА). */
    String servicesEntitySet();

    /**
     * The whole commission agent's report: header and tabular sections. Sums include VAT; each row carries its item's
     * rate from {@code vat} and the VAT inside its sale (and transfer) sum, and the VAT inside the marketplace's reward
     * at {@code rewardRate}, the rate the marketplace charges on its services.
     */
    ObjectNode salesReport(Account account, ReportRef report, ReportAggregate totals, List<ResolvedLine> lines,
                           DocumentVat vat, VatRate rewardRate, ObjectMapper json);

    /**
     * The whole services receipt: header and {@code Расходы}, one row per service kind with the rate of the service's
     * item from {@code vat} ({@link DocumentVat#NO_ITEM} for a service the map gives no item) and the VAT inside it.
     */
    ObjectNode servicesReceipt(Account account, ReportRef report, ReportAggregate totals,
                               List<ResolvedService> services, DocumentVat vat, ObjectMapper json);

    /** The tabular sections a reload replaces (sent empty when the report no longer has such rows). */
    List<String> salesSections();

    /** The rate of a service row: its item's, or the general rate when the map names no item. */
    static VatRate rateOf(ResolvedService service, DocumentVat vat) {
        return vat.of(service.nomenclatureRef() == null || service.nomenclatureRef().isBlank() ? DocumentVat.NO_ITEM : service.nomenclatureRef());
    }

    static BigDecimal price(BigDecimal sum, BigDecimal quantity) {
        return quantity.signum() == 0 ? sum : sum.divide(quantity, 2, RoundingMode.HALF_UP);
    }

    static String date(java.time.LocalDate day) {
        return day == null ? "0001-01-01T00:00:00" : day + "T00:00:00";
    }

    static String comment(ReportRef report, Account account) {
        return "marketplace-1c: " + report.marketplace() + " report " + report.reportId() + " (" + report.periodStart()
                + " - " + report.periodEnd() + "), account " + account.id();
    }
}
