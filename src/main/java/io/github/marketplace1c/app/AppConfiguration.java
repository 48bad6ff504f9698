package io.github.marketplace1c.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.github.marketplace1c.account.AccountRegistry;
import io.github.marketplace1c.admin.AdminApi;
import io.github.marketplace1c.admin.AdminServer;
import io.github.marketplace1c.admin.CatalogApi;
import io.github.marketplace1c.catalog.CatalogPulls;
import io.github.marketplace1c.catalog.CatalogSteps;
import io.github.marketplace1c.catalog.CatalogTables;
import io.github.marketplace1c.catalog.OneCCatalog;
import io.github.marketplace1c.catalog.Workbench;
import io.github.marketplace1c.ozon.OzonCatalog;
import io.github.marketplace1c.wildberries.WildberriesCatalog;
import io.github.marketplace1c.yandexmarket.YandexMarketCatalog;
import io.github.marketplace1c.db.Database;
import io.github.marketplace1c.deadletter.DeadLetterParking;
import io.github.marketplace1c.marketplace.Marketplaces;
import io.github.marketplace1c.deadletter.DeadLetterReplayer;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.RetryHints;
import io.github.marketplace1c.flow.OrderIntake;
import io.github.marketplace1c.http.HttpJson;
import org.apache.camel.component.http.HttpComponent;
import io.github.marketplace1c.instance.InstanceHeartbeat;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.PollState;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.mapping.MappingCsv;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.mapping.OrderResolver;
import io.github.marketplace1c.onec.ODataClient;
import io.github.marketplace1c.onec.OneCSettings;
import io.github.marketplace1c.onec.OrderDocumentProfile;
import io.github.marketplace1c.onec.OrderDocuments;
import io.github.marketplace1c.onec.UnfOrderProfile;
import io.github.marketplace1c.onec.UtOrderProfile;
import io.github.marketplace1c.ozon.OzonApiSteps;
import io.github.marketplace1c.ozon.OzonOrderSource;
import io.github.marketplace1c.ozon.OzonPostingPages;
import io.github.marketplace1c.flow.OrderFlow;
import io.github.marketplace1c.order.StatusMap;
import io.github.marketplace1c.ozon.OzonPostingTranslator;
import io.github.marketplace1c.ozon.OzonSellerClient;
import io.github.marketplace1c.ratelimit.AccountThrottle;
import io.github.marketplace1c.ratelimit.WindowQuota;
import io.github.marketplace1c.inventory.InventoryProfile;
import io.github.marketplace1c.inventory.InventoryTables;
import io.github.marketplace1c.inventory.Previews;
import io.github.marketplace1c.inventory.StockExport;
import io.github.marketplace1c.inventory.StockPlanner;
import io.github.marketplace1c.inventory.PriceExport;
import io.github.marketplace1c.inventory.PricePlanner;
import io.github.marketplace1c.ozon.OzonPriceSender;
import io.github.marketplace1c.wildberries.WildberriesPriceSender;
import io.github.marketplace1c.yandexmarket.YandexMarketPriceSender;
import io.github.marketplace1c.ozon.OzonStockSender;
import io.github.marketplace1c.wildberries.WildberriesStockSender;
import io.github.marketplace1c.yandexmarket.YandexMarketStockSender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.marketplace1c.observe.Observability;
import io.github.marketplace1c.wildberries.WildberriesApiSteps;
import io.github.marketplace1c.wildberries.WildberriesClient;
import io.github.marketplace1c.wildberries.WildberriesOrderPages;
import io.github.marketplace1c.wildberries.WildberriesOrderSource;
import io.github.marketplace1c.wildberries.WildberriesOrderTranslator;
import io.github.marketplace1c.yandexmarket.YandexMarketApiSteps;
import io.github.marketplace1c.yandexmarket.YandexMarketClient;
import io.github.marketplace1c.yandexmarket.YandexMarketOrderPages;
import io.github.marketplace1c.yandexmarket.YandexMarketOrderSource;
import io.github.marketplace1c.yandexmarket.YandexMarketOrderTranslator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import io.github.marketplace1c.schedule.ClusteredSchedules;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Wires the application from its properties: database, accounts, mapping tables, journal, dead letters, the
 * marketplace and 1C clients, the admin API. Every bean the route files name is bound here.
 */
public class AppConfiguration implements CamelConfiguration {

    public static final Set<String> MARKETPLACES = Marketplaces.keys();

    private final Clock clock;

    public AppConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure(CamelContext context) {
        Settings settings = new Settings(context.getPropertiesComponent());
        Registry registry = context.getRegistry();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        HikariDataSource dataSource = openDatabase(settings);
        // recovery without a hand (docs/cluster.md): a heartbeat per instance, claims and runs carry its id
        boolean clustered = Boolean.parseBoolean(settings.get("mp1c.schedule.clustered", "false"));
        InstanceHeartbeat instance = new InstanceHeartbeat(dataSource, clock, settings.get("mp1c.schedule.instanceId",
                null), Duration.ofSeconds(settings.integer("mp1c.instance.deadAfterSeconds", 60)));
        instance.start(context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "instance-heartbeat"),
                Duration.ofSeconds(settings.integer("mp1c.instance.heartbeatSeconds", 15)));
        context.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                instance.stop(); // before the pool closes: the flows have finished by now
            }
        });
        registry.bind("instanceHeartbeat", instance);
        context.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                dataSource.close();
            }
        });
        registry.bind("dataSource", dataSource);
        if (clustered) {
            ClusteredSchedules.install(context, dataSource, settings.get("mp1c.schedule.instanceId", ""),
                    settings.integer("mp1c.schedule.threads", 10),
                    settings.integer("mp1c.schedule.clusterCheckinSeconds", 15) * 1000L);
        }

        AccountRegistry accounts = AccountRegistry.load(Path.of(settings.required("mp1c.accounts.file")),
                name -> secret(name, settings));
        accounts.requireCredentials();
        registry.bind("accounts", accounts);

        ZoneId onecZone = ZoneId.of(settings.get("mp1c.onec.timeZone", "Europe/Moscow"));
        Journal journal = new Journal(dataSource, clock);
        DeadLetters deadLetters = new DeadLetters(dataSource, clock);
        journal.instanceId(instance.id());
        journal.closeInterrupted(instance, clustered).forEach(run -> org.slf4j.LoggerFactory.getLogger(
                AppConfiguration.class).warn("Run {} ({} {} of account {}) was left running by a stopped instance: "
                + "closed as INTERRUPTED", run.runId(), run.marketplace(), run.flow(), run.accountId()));
        RecordClaims claims = new RecordClaims(dataSource, clock, Duration.ofMinutes(30), instance);
        MappingTable products = new MappingTable(MappingTable.Kind.PRODUCTS, dataSource, clock);
        MappingTable warehouses = new MappingTable(MappingTable.Kind.WAREHOUSES, dataSource, clock);
        registry.bind("journal", journal);
        registry.bind("recordClaims", claims);
        registry.bind("deadLetters", deadLetters);
        registry.bind("productMappings", products);
        registry.bind("warehouseMappings", warehouses);
        registry.bind("retryHints", new RetryHints());
        registry.bind("deadLetterParking", new DeadLetterParking(deadLetters, journal, claims));

        // camel-http, for the calls the route files make: "http" in the sandbox, "https" in production
        registry.bind("http", marketplaceHttp(new HttpComponent(), settings));
        registry.bind("https", marketplaceHttp(new HttpComponent(), settings));
        HttpJson http = new HttpJson(json, Duration.ofSeconds(settings.integer("mp1c.http.connectTimeoutSeconds", 10)),
                Duration.ofSeconds(settings.integer("mp1c.http.timeoutSeconds", 60)));
        HttpJson onecHttp = new HttpJson(json, Duration.ofSeconds(settings.integer("mp1c.http.connectTimeoutSeconds", 10)),
                Duration.ofSeconds(settings.integer("mp1c.onec.timeoutSeconds", 120)));

        OneCSettings onecSettings = new OneCSettings(onecZone, settings.get("mp1c.onec.currencyRef", null),
                Boolean.parseBoolean(settings.get("mp1c.onec.postOrders", "true")),
                settings.get("mp1c.onec.ut.orderOperation", "ПередачаНаКомиссию"),
                settings.get("mp1c.onec.ut.orderStatus", "КОтгрузке"),
                settings.get("mp1c.onec.ut.cancelReasonRef", null),
                settings.get("mp1c.onec.unf.completedOrderStateRef", null),
                settings.get("mp1c.onec.unf.cancelledCompletionVariant", "Отменен"));
        String configuration = settings.get("mp1c.onec.configuration", "UT").toUpperCase();
        OrderDocumentProfile profile = switch (configuration) {
            case "UNF" -> new UnfOrderProfile(onecSettings);
            case "UT", "KA" -> new UtOrderProfile(onecSettings);
            default -> throw new IllegalArgumentException("mp1c.onec.configuration must be UNF, UT or KA, not "
                    + configuration);
        };
        ODataClient odata = new ODataClient(onecHttp, settings.required("mp1c.onec.baseUrl"),
                settings.required("mp1c.onec.user"), secret("mp1c.onec.password", settings),
                settings.integer("mp1c.onec.maxParallel", 2));
        // what operators see: /observe/metrics, /observe/health, the log context (docs/operations.md)
        Map<String, String> marketplaceUrls = new LinkedHashMap<>();
        for (String[] url : new String[][] {{"mp1c.ozon.baseUrl", "ozon"}, {"mp1c.wildberries.marketplaceUrl",
                "wildberries"}, {"mp1c.wildberries.pricesUrl", "wildberries"}, {"mp1c.wildberries.contentUrl",
                "wildberries"}, {"mp1c.wildberries.financeUrl", "wildberries"}, {"mp1c.yandex-market.baseUrl",
                "yandex-market"}}) {
            marketplaceUrls.put(settings.get(url[0], ""), url[1]);
        }
        Observability.install(context, new Observability.Sources(dataSource, journal, deadLetters, accounts, odata,
                http, onecHttp, marketplaceUrls, clock));
        OrderDocuments documents = new OrderDocuments(odata, profile, onecSettings, json);
        registry.bind("orderDocuments", documents);
        StatusMap statusMap = StatusMap.load(Path.of(settings.required("mp1c.statusMap.file")));
        registry.bind("orderIntake", new OrderIntake(statusMap, new OrderResolver(products, warehouses), documents,
                claims, journal, deadLetters, onecZone));
        PollState pollState = new PollState(dataSource);
        Duration overlap = Duration.ofMinutes(settings.integer("mp1c.orders.overlapMinutes", 10));

        OzonSellerClient ozon = new OzonSellerClient(http, settings.required("mp1c.ozon.baseUrl"),
                Duration.ofMillis(settings.integer("mp1c.ozon.rateLimitWaitMs", 1000)),
                new AccountThrottle(limit(settings, "mp1c.ozon"), clock));
        // the steps routes/ozon/*.camel.yaml name around their Seller API calls
        registry.bind("ozonApi", new OzonApiSteps(ozon.answers(), ozon.throttle()));
        registry.bind("ozonPostingPages", new OzonPostingPages(json, settings.integer("mp1c.ozon.orders.pageSize", 100)));
        OzonPostingTranslator ozonPostingTranslator = new OzonPostingTranslator();
        registry.bind("ozonPostingTranslator", ozonPostingTranslator);
        registry.bind("ozonOrders", new OrderFlow(new OzonOrderSource(ozonPostingTranslator), journal, pollState,
                claims, statusMap, json, clock,
                onecZone, Duration.ofDays(settings.integer("mp1c.ozon.orders.lookBackDays", 30)), overlap, deadLetters));

        WildberriesClient wildberries = new WildberriesClient(http, settings.required("mp1c.wildberries.marketplaceUrl"),
                new AccountThrottle(limit(settings, "mp1c.wildberries"), clock),
                Duration.ofSeconds(settings.integer("mp1c.wildberries.rateLimitWaitSeconds", 5)));
        // the steps routes/wildberries/orders.camel.yaml names around its calls
        registry.bind("wildberriesApi", new WildberriesApiSteps(wildberries.answers()));
        registry.bind("wildberriesOrderPages", new WildberriesOrderPages(json,
                Duration.ofDays(settings.integer("mp1c.wildberries.orders.recheckDays", 14))));
        WildberriesOrderTranslator wildberriesOrderTranslator = new WildberriesOrderTranslator();
        registry.bind("wildberriesOrderTranslator", wildberriesOrderTranslator);
        registry.bind("wildberriesOrders", new OrderFlow(new WildberriesOrderSource(wildberriesOrderTranslator), journal,
                pollState, claims, statusMap, json, clock, onecZone,
                Duration.ofDays(settings.integer("mp1c.wildberries.orders.lookBackDays", 7)), overlap, deadLetters));

        YandexMarketClient yandexMarket = new YandexMarketClient(http, settings.required("mp1c.yandex-market.baseUrl"),
                new AccountThrottle(limit(settings, "mp1c.yandex-market"), clock), clock,
                Duration.ofSeconds(settings.integer("mp1c.yandex-market.rateLimitWaitSeconds", 10)));
        // the steps routes/yandex-market/orders.camel.yaml names around its call
        registry.bind("yandexMarketApi", new YandexMarketApiSteps(yandexMarket.answers()));
        registry.bind("yandexMarketOrderPages", new YandexMarketOrderPages(json, onecZone,
                settings.integer("mp1c.yandex-market.orders.pageSize", 50)));
        YandexMarketOrderTranslator yandexMarketOrderTranslator = new YandexMarketOrderTranslator();
        registry.bind("yandexMarketOrderTranslator", yandexMarketOrderTranslator);
        registry.bind("yandexMarketOrders", new OrderFlow(new YandexMarketOrderSource(yandexMarketOrderTranslator),
                journal, pollState, claims, statusMap, json, clock, onecZone,
                Duration.ofDays(settings.integer("mp1c.yandex-market.orders.lookBackDays", 30)), overlap, deadLetters));

        InventoryTables inventory = new InventoryTables(dataSource, clock);
        registry.bind("inventoryTables", inventory);
        InventoryProfile inventoryProfile = InventoryProfile.of(configuration,
                settings.get(io.github.marketplace1c.inventory.PriceRegister.SETTING, ""));
        StockPlanner planner = new StockPlanner(odata, inventoryProfile, products, inventory,
                settings.integer("mp1c.onec.pageSize", 5000));
        boolean zeroUnmapped = Boolean.parseBoolean(settings.get("mp1c.stocks.zeroUnmapped", "false"));
        List<StockExport> stockExports = List.of(
                new StockExport(planner, new OzonStockSender(ozon, new AccountThrottle(new AccountThrottle.Limit(
                        settings.integer("mp1c.ozon.stocks.requestsPerMinute", 80) / 60.0, 1), clock), json),
                        inventory, journal, deadLetters, accounts, json, zeroUnmapped),
                new StockExport(planner, new WildberriesStockSender(wildberries, json), inventory, journal, deadLetters,
                        accounts, json, zeroUnmapped),
                // Market counts offers per campaign and minute and says what is left: each minute used whole
                new StockExport(planner, new YandexMarketStockSender(yandexMarket, json, new WindowQuota(
                        settings.integer("mp1c.yandex-market.stocks.offersPerMinute", 100_000), Duration.ofMinutes(1), clock)),
                        inventory, journal, deadLetters, accounts, json, zeroUnmapped));
        registry.bind("ozonStocks", stockExports.get(0));
        registry.bind("wildberriesStocks", stockExports.get(1));
        registry.bind("yandexMarketStocks", stockExports.get(2));
        registry.bind("stockBatchPool", context.getExecutorServiceManager().newFixedThreadPool(this, "stock-batches",
                settings.integer("mp1c.stocks.parallelBatches", 3)));
        // WB's cards are on content-api (another host in production; the sandbox serves every WB path on one)
        WildberriesCatalog wildberriesCards = new WildberriesCatalog(new WildberriesClient(http,
                settings.get("mp1c.wildberries.contentUrl", settings.required("mp1c.wildberries.marketplaceUrl")),
                new AccountThrottle(limit(settings, "mp1c.wildberries.content"), clock),
                Duration.ofSeconds(settings.integer("mp1c.wildberries.rateLimitWaitSeconds", 5))), json, clock,
                Duration.ofMinutes(settings.integer("mp1c.wildberries.cardsCacheMinutes", 10)));
        // chrtID -> nmID of a cabinet's sizes (WildberriesCatalog.nmIdsByChrtId), for the WB price export
        registry.bind("wildberriesCards", wildberriesCards);
        PricePlanner pricePlanner = new PricePlanner(odata, inventoryProfile, products, inventory,
                settings.integer("mp1c.onec.pageSize", 5000));
        // WB's prices live on discounts-prices-api (another host in production; the sandbox serves both on one)
        WildberriesClient wildberriesPrices = new WildberriesClient(http, settings.get("mp1c.wildberries.pricesUrl",
                settings.required("mp1c.wildberries.marketplaceUrl")),
                new AccountThrottle(limit(settings, "mp1c.wildberries.prices"), clock),
                Duration.ofSeconds(settings.integer("mp1c.wildberries.rateLimitWaitSeconds", 5)));
        List<PriceExport> priceExports = List.of(
                new PriceExport(pricePlanner, new OzonPriceSender(ozon, json, Duration.ofSeconds(
                        settings.integer("mp1c.ozon.prices.minIntervalSeconds", 360))), inventory, journal, deadLetters,
                        accounts, json),
                new PriceExport(pricePlanner, new WildberriesPriceSender(wildberriesPrices, json,
                        Duration.ofMillis(settings.integer("mp1c.wildberries.prices.pollIntervalMs", 2000)),
                        settings.integer("mp1c.wildberries.prices.maxPolls", 30), wildberriesCards::nmIdsByChrtId),
                        inventory, journal, deadLetters,
                        accounts, json),
                new PriceExport(pricePlanner, new YandexMarketPriceSender(yandexMarket, json), inventory, journal,
                        deadLetters, accounts, json));
        registry.bind("ozonPrices", priceExports.get(0));
        registry.bind("wildberriesPrices", priceExports.get(1));
        registry.bind("yandexMarketPrices", priceExports.get(2));
        Previews previews = new Previews(stockExports, priceExports, accounts);
        registry.bind("previews", previews);

        FlowRunner flows = new FlowRunner(context, context.createProducerTemplate(), journal);
        registry.bind("flowRunner", flows);
        DeadLetterReplayer replayer = new DeadLetterReplayer(deadLetters, accounts, context.createProducerTemplate());
        registry.bind("deadLetterReplayer", replayer);
        // records that failed transiently are retried by the poll itself (docs/dead-letters.md, "Retried by the poll")
        io.github.marketplace1c.retry.TransientRetries retries = new io.github.marketplace1c.retry.TransientRetries(
                deadLetters, replayer, clock, Duration.ofSeconds(settings.integer("mp1c.retry.pollFirstWaitSeconds", 60)),
                settings.integer("mp1c.retry.pollMaxAttempts", 10));
        for (String name : new String[] {"ozonOrders", "wildberriesOrders", "yandexMarketOrders"}) {
            registry.lookupByNameAndType(name, OrderFlow.class).retries(retries::retry);
        }
        AdminApi adminApi = new AdminApi(json, deadLetters, replayer, products, warehouses,
                new MappingCsv(products, MARKETPLACES), new MappingCsv(warehouses, MARKETPLACES), journal, flows,
                dataSource, previews, inventory, accounts);
        registry.bind("adminApi", adminApi);
        // commission agent reports and services (issue 5): service map, reconciliation journal, per marketplace
        new ReportWiring(settings, registry, dataSource, json, clock, onecZone, odata, onecSettings, configuration,
                products, journal, claims, deadLetters, adminApi).wildberries(http, wildberriesCards).ozon(ozon).yandexMarket(yandexMarket);
        registry.bind("consoleApi", new io.github.marketplace1c.admin.ConsoleApi(json, context, accounts, dataSource,
                clock));

        // the mapping workbench (docs/mapping.md, "Workbench"): catalog flows, suggestions, the unmapped inbox
        CatalogTables catalogTables = new CatalogTables(dataSource, clock);
        OneCCatalog onecCatalog = new OneCCatalog(odata, settings.integer("mp1c.onec.pageSize", 5000),
                Duration.ofSeconds(settings.integer("mp1c.catalog.onecCacheSeconds", 60)), clock);
        registry.bind("onecCatalog", onecCatalog);
        registry.bind("ozonCatalog", new CatalogSteps(new OzonCatalog(ozon, json), onecCatalog, catalogTables,
                products, journal, deadLetters));
        registry.bind("wildberriesCatalog", new CatalogSteps(wildberriesCards, onecCatalog, catalogTables, products,
                journal, deadLetters));
        registry.bind("yandexMarketCatalog", new CatalogSteps(new YandexMarketCatalog(yandexMarket), onecCatalog,
                catalogTables, products, journal, deadLetters));
        Workbench workbench = new Workbench(catalogTables, products, deadLetters, replayer);
        registry.bind("workbench", workbench);
        registry.bind("catalogApi", new CatalogApi(json, accounts, catalogTables, workbench, new CatalogPulls(clock),
                context.createProducerTemplate(),
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "catalog-pulls")));

        String token = secret("mp1c.admin.token", settings);
        if (token == null || token.length() < 16) {
            throw new IllegalStateException("Set MP1C_ADMIN_TOKEN (at least 16 characters): the admin API needs it");
        }
        AdminServer.install(context, settings.get("mp1c.admin.host", "127.0.0.1"),
                settings.integer("mp1c.admin.port", 18080), token);
    }

    /** The database, or a failure that names the setting and where it points (never its password). */
    private static HikariDataSource openDatabase(Settings settings) {
        String url = settings.required("mp1c.db.url");
        try {
            return Database.open(url, settings.get("mp1c.db.user", ""), settings.get("mp1c.db.password", ""),
                    settings.integer("mp1c.db.poolSize", 8));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("The database (mp1c.db.url = " + shownUrl(url) + ") cannot be used: "
                    + root.getMessage(), e);
        }
    }

    /** A JDBC URL without its parameters and user info, where a password may be written. */
    static String shownUrl(String url) {
        return url.replaceAll("[?;].*$", "").replaceAll("//[^/@]*@", "//");
    }

    /** A marketplace's pace per account: {@code <prefix>.requestsPerSecond} and {@code <prefix>.burst}. */
    private static AccountThrottle.Limit limit(Settings settings, String prefix) {
        return new AccountThrottle.Limit(Double.parseDouble(settings.get(prefix + ".requestsPerSecond", "1")),
                settings.integer(prefix + ".burst", 1));
    }

    /** A secret: from the environment variable of that name, else from the properties (the sandbox's own keys). */
    static String secret(String name, Settings settings) {
        return secret(name, key -> settings.get(key, null));
    }

    static String secret(String name, java.util.function.UnaryOperator<String> properties) {
        String env = System.getenv(name);
        if (env == null) {
            env = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return env != null ? env : properties.apply(name);
    }

    /** Typed access to the properties (config files, profile file, environment, overrides). */
    static final class Settings {
        private final PropertiesComponent properties;

        Settings(PropertiesComponent properties) {
            this.properties = properties;
            // placeholders in the former spelling ({{mp1c.yandexMarket.orders.cron}}, a route file of before the
            // rename) resolve to the value under the current name, as Settings' own lookups do
            properties.addPropertiesSource(new org.apache.camel.spi.PropertiesSource() {
                @Override
                public String getName() {
                    return "former-marketplace-names";
                }

                @Override
                public String getProperty(String name) {
                    String current = Marketplaces.currentPropertyName(name);
                    return current.equals(name) ? null : properties.resolveProperty(current).orElse(null);
                }
            });
        }

        /** A name in a former spelling ({@code mp1c.yandexMarket.*}) is read under its current one. */
        String get(String key, String fallback) {
            return properties.resolveProperty(Marketplaces.currentPropertyName(key)).filter(v -> !v.isBlank())
                    .orElse(fallback);
        }

        String required(String name) {
            String value = get(name, null);
            String key = Marketplaces.currentPropertyName(name);
            if (value == null) {
                throw new IllegalStateException("Property " + key + " is not set (config/application*.properties or "
                        + "the environment variable " + FormerPropertyNames.variable(key) + ")");
            }
            return value;
        }

        int integer(String key, int fallback) {
            String value = get(key, null);
            try {
                return value == null ? fallback : Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Marketplaces.currentPropertyName(key) + " is '" + value
                        + "', not a whole number");
            }
        }
    }

    /**
     * The HTTP client of the routes' marketplace calls: the flows' error handling retries a call, honouring the
     * marketplace's own waits, so the client itself never re-sends (Apache HttpClient re-sends a 429 or 503 after
     * a second on its own otherwise); no cookies; the timeouts of mp1c.http.*.
     */
    private static HttpComponent marketplaceHttp(HttpComponent component, Settings settings) {
        component.setAutomaticRetriesDisabled(true);
        component.setCookieManagementDisabled(true);
        component.setRedirectHandlingDisabled(true);
        long connect = settings.integer("mp1c.http.connectTimeoutSeconds", 10) * 1000L;
        long answer = settings.integer("mp1c.http.timeoutSeconds", 60) * 1000L;
        component.setConnectTimeout(connect);
        component.setConnectionRequestTimeout(connect);
        component.setResponseTimeout(answer);
        component.setSoTimeout(answer);
        return component;
    }
}
