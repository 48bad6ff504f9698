package io.github.marketplace1c.report;

import io.github.marketplace1c.account.Account;
import java.time.LocalDate;
import java.util.List;

/**
 * What a marketplace adapter gives the sales-report and services flows: the reports of an account for a period, and
 * one report's content streamed to a sink. Everything else — go-live screening, aggregation, mapping, reconciliation,
 * the 1C documents, dead letters, the journal — is the same for every marketplace ({@code ReportFlow},
 * routes/shared/sales-report.camel.yaml and services.camel.yaml).
 *
 * <p>A source is a bean named {@code <marketplace>Reports} (wildberriesReports, ozonReports, yandexMarketReports).
 * Failures are the project's usual ones: {@code TransientFailure} (retried, rate limits honoured through the
 * marketplace's AccountThrottle), {@code PermanentFailure} with a ReasonCode (INVALID_PAYLOAD naming the row and field).
 */
public interface ReportSource {

    /** {@code ozon}, {@code wildberries}, {@code yandex-market}. */
    String marketplace();

    /**
     * The reports of this kind that the marketplace has published for the account and that cover any day in
     * {@code [from, to]}; a report not published yet is simply absent (the next run looks again). The list is small
     * (a handful a month), so it is a List; totals are filled where the marketplace states them.
     */
    List<ReportRef> list(Account account, ReportKind kind, LocalDate from, LocalDate to);

    /**
     * Reads one report from the marketplace and gives every row to the sink in order, while parsing (streaming, paging
     * as the marketplace pages). Never collects the rows. Called again for a replay or a correction, it must give the
     * same rows for the same report.
     */
    void read(Account account, ReportRef report, ReportSink sink);
}
