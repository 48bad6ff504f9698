package io.github.marketplace1c.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.admin.AdminApi;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.mapping.MappingCsv;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.onec.ODataClient;
import io.github.marketplace1c.onec.OneCSettings;
import io.github.marketplace1c.onec.ReportDocumentProfile;
import io.github.marketplace1c.onec.ReportDocuments;
import io.github.marketplace1c.onec.UnfReportProfile;
import io.github.marketplace1c.onec.UtReportProfile;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import io.github.marketplace1c.report.ReportFlow;
import io.github.marketplace1c.report.ReportJournal;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportSource;
import io.github.marketplace1c.wildberries.WildberriesFinanceClient;
import io.github.marketplace1c.wildberries.WildberriesReportSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/**
 * Wires the sales-report and services flows (issue 5): the service map, the reconciliation journal, the 1C report
 * documents of the configuration, and per marketplace its ReportSource bean ({@code <marketplace>Reports}) with the two
 * flows' step beans ({@code <marketplace>SalesReport}, {@code <marketplace>Services}) that the route files name.
 * A marketplace's source is added with {@link #addSource}.
 */
final class ReportWiring {

    private final AppConfiguration.Settings settings;
    private final Registry registry;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final ReportDocuments documents;
    private final MappingTable products;
    private final MappingTable services;
    private final ReportJournal reports;
    private final Journal journal;
    private final RecordClaims claims;
    private final DeadLetters deadLetters;

    ReportWiring(AppConfiguration.Settings settings, Registry registry, DataSource dataSource, ObjectMapper json,
                 Clock clock, ZoneId zone, ODataClient odata, OneCSettings onecSettings, String configuration,
                 MappingTable products, Journal journal, RecordClaims claims, DeadLetters deadLetters,
                 AdminApi adminApi) {
        this.settings = settings;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.products = products;
        this.journal = journal;
        this.claims = claims;
        this.deadLetters = deadLetters;
        this.services = new MappingTable(MappingTable.Kind.SERVICES, dataSource, clock);
        this.reports = new ReportJournal(dataSource, clock);
        ReportDocumentProfile profile = "UNF".equals(configuration) ? new UnfReportProfile(onecSettings)
                : new UtReportProfile(onecSettings);
        this.documents = new ReportDocuments(odata, profile, json,
                Boolean.parseBoolean(settings.get("mp1c.onec.postReports", "true")));
        registry.bind("serviceMappings", services);
        registry.bind("reportJournal", reports);
        registry.bind("reportDocuments", documents);
        adminApi.addTable("services", services, new MappingCsv(services, AppConfiguration.MARKETPLACES));
        adminApi.setReportJournal(reports);
    }

    /** Wildberries: finance-api reports, content-api cards for chrtId accounts. */
    ReportWiring wildberries(HttpJson http, io.github.marketplace1c.wildberries.WildberriesCatalog cards) {
        String marketplaceUrl = settings.required("mp1c.wildberries.marketplaceUrl");
        double perMinute = Double.parseDouble(settings.get("mp1c.wildberries.finance.requestsPerMinute", "1"));
        int burst = settings.integer("mp1c.wildberries.finance.burst", 1);
        WildberriesFinanceClient client = new WildberriesFinanceClient(http,
                settings.get("mp1c.wildberries.financeUrl", marketplaceUrl),
                new AccountThrottle(new AccountThrottle.Limit(perMinute / 60.0, burst), clock),
                Duration.ofSeconds(settings.integer("mp1c.wildberries.finance.rateLimitWaitSeconds", 60)),
                burst == 1 ? Duration.ofMillis((long) Math.ceil(60_000 / perMinute)) : null);
        return addSource("wildberries", new WildberriesReportSource(client, cards::chrtIdsByBarcode,
                settings.integer("mp1c.wildberries.reports.pageSize", 100_000)));
    }

    /** Ozon: the monthly realization report and the accrual API, through the orders flow's Seller API client. */
    ReportWiring ozon(io.github.marketplace1c.ozon.OzonSellerClient client) {
        return addSource("ozon", new io.github.marketplace1c.ozon.OzonReportSource(client, json, clock, zone,
                settings.integer("mp1c.ozon.reports.monthsBack", 3)));
    }

    /** Yandex Market: asynchronous reports, generation paced per account and report type. */
    ReportWiring yandexMarket(io.github.marketplace1c.yandexmarket.YandexMarketClient client) {
        double perMinute = Double.parseDouble(settings.get("mp1c.yandex-market.reports.generationsPerMinute", "0.5"));
        return addSource("yandexMarket", new io.github.marketplace1c.yandexmarket.YandexMarketReportSource(client, json,
                clock, zone, new AccountThrottle(new AccountThrottle.Limit(perMinute / 60.0, 1), clock),
                Duration.ofMillis(settings.integer("mp1c.yandex-market.reports.pollIntervalMs", 5000)),
                settings.integer("mp1c.yandex-market.reports.maxPolls", 60),
                settings.integer("mp1c.yandex-market.reports.monthsBack", 3)));
    }

    /**
     * Binds a marketplace's source and its two flows: beans {@code <prefix>Reports}, {@code <prefix>SalesReport},
     * {@code <prefix>Services}, where prefix is the marketplace's bean prefix (ozon, wildberries, yandexMarket).
     */
    ReportWiring addSource(String beanPrefix, ReportSource source) {
        BigDecimal tolerance = new BigDecimal(settings.get("mp1c.reports.tolerancePerRow", "0.01"));
        int lookBack = settings.integer("mp1c.reports.lookBackDays", 62);
        registry.bind(beanPrefix + "Reports", source);
        registry.bind(beanPrefix + "SalesReport", new ReportFlow(source, ReportKind.SALES, documents, products, services,
                reports, journal, claims, deadLetters, json, clock, zone, tolerance, lookBack));
        registry.bind(beanPrefix + "Services", new ReportFlow(source, ReportKind.SERVICES, documents, products,
                services, reports, journal, claims, deadLetters, json, clock, zone, tolerance, lookBack));
        return this;
    }
}
