package io.github.marketplace1c.report;

/**
 * What a marketplace report becomes in 1C. A marketplace may serve both from one report (Wildberries: the rows of
 * one realization report are sales, returns and fees) or from separate ones (Ozon: the realization report and the
 * accruals; Yandex Market: goods-realization and united-marketplace-services).
 */
public enum ReportKind {
    /** Sales, returns and the marketplace's reward: Отчет комиссионера. */
    SALES,
    /** The marketplace's fees by service: a services receipt (ПриходнаяНакладная / ПриобретениеУслугПрочихАктивов). */
    SERVICES
}
