package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.SandboxData.YandexMarketAccount;
import io.github.marketplace1c.sandbox.ozon.MutableClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Market's asynchronous finance reports over real HTTP on 127.0.0.1: generate, poll {@code reports/info} until DONE,
 * download the ZIP archive of JSON sheets from the link (on loopback), the generation limit; every API exchange is validated against
 * the official spec after every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexMarketReportEndpointsTest {

    private static final YandexMarketAccount ROMASHKA = SandboxData.YM_ROMASHKA;
    private static final YandexMarketAccount VASILKOV = SandboxData.YM_VASILKOV;
    private static final String REALIZATION = "/v2/reports/goods-realization/generate?format=JSON";
    private static final String SERVICES = "/v2/reports/united-marketplace-services/generate?format=JSON";

    private Vertx vertx;
    private MutableClock clock;
    private YandexMarketEmulator emulator;
    private YmHttp http;

    @BeforeAll
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-07T06:00:00Z"));
        emulator = new YandexMarketEmulator(vertx, clock, true).start("127.0.0.1", 0);
        http = new YmHttp(emulator.baseUrl());
    }

    @AfterEach
    void conformsToSpec() {
        try {
            YandexMarketContract.assertConforms(emulator.recorded());
        } finally {
            emulator.close();
        }
    }

    private String realization(YandexMarketAccount account, int month) {
        return "{\"campaignId\":" + account.campaignId() + ",\"year\":2026,\"month\":" + month + "}";
    }

    private YmHttp.Reply info(YandexMarketAccount account, String reportId) throws Exception {
        return http.send("GET", "/v2/reports/info/" + reportId, account.apiKey(), "");
    }

    /**
     * The file behind a link, as {@code format=JSON} makes it: a ZIP archive, one {@code <sheet>.json} per sheet
     * holding {@code {"rows": [...]}}; returned as one object of sheets for the assertions.
     */
    private JsonNode download(String url) throws Exception {
        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/zip");
        com.fasterxml.jackson.databind.node.ObjectNode sheets = YmHttp.JSON.createObjectNode();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(file.body()))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(entry.getName()).endsWith(".json");
                JsonNode sheet = YmHttp.JSON.readTree(zip.readAllBytes());
                assertThat(sheet.path("rows").isArray()).as(entry.getName()).isTrue();
                sheets.set(entry.getName().substring(0, entry.getName().length() - 5), sheet.path("rows"));
            }
        }
        assertThat(sheets.size()).as("sheets in the archive").isPositive();
        return sheets;
    }

    @Test
    void aRealizationReportIsPendingThenProcessingThenDoneWithALinkOnLoopback() throws Exception {
        YmHttp.Reply generated = http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(ROMASHKA, 10));
        assertThat(generated.status()).isEqualTo(200);
        String reportId = generated.body().path("result").path("reportId").asText();
        assertThat(generated.body().path("result").path("estimatedGenerationTime").asLong()).isPositive();

        List<String> statuses = new ArrayList<>();
        JsonNode result;
        do {
            result = info(ROMASHKA, reportId).body().path("result");
            statuses.add(result.path("status").asText());
        } while (!"DONE".equals(result.path("status").asText()) && statuses.size() < 10);
        assertThat(statuses).containsExactly("PENDING", "PROCESSING", "DONE");
        String url = result.path("file").asText();
        assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
        assertThat(info(ROMASHKA, reportId).body().path("result").path("file").asText())
                .as("a fresh link on every call").isNotEqualTo(url);

        JsonNode file = download(url);
        assertThat(file.path("delivered")).hasSize(5);
        assertThat(file.path("returned")).hasSize(1);
        JsonNode tea = file.path("delivered").get(0);
        assertThat(tea.path("shopSku").asText()).isEqualTo("RM-TEA-001");
        assertThat(tea.path("deliveredCount").asInt()).isEqualTo(10);
        assertThat(tea.path("deliveredPriceSumWithVatAndNoDiscounts").decimalValue()).isEqualByComparingTo("3490.00");
        assertThat(tea.path("deliveredDiscountSum").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(tea.path("deliveredPriceSumWithVatAndDiscounts").decimalValue()).isEqualByComparingTo("3290.00");
        assertThat(emulator.reports().downloads()).isEqualTo(1);
    }

    @Test
    void theLinkExpiresAfterAnHour() throws Exception {
        emulator.reports().pollsUntilDone(0);
        String reportId = http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(ROMASHKA, 10)).body()
                .path("result").path("reportId").asText();
        String url = info(ROMASHKA, reportId).body().path("result").path("file").asText();
        clock.advance(Duration.ofMinutes(61));
        assertThat(http.raw(HttpRequest.newBuilder(URI.create(url)).GET().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void aMonthWithoutDataIsDoneWithNoDataAndNoFile() throws Exception {
        emulator.reports().pollsUntilDone(0);
        String reportId = http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(ROMASHKA, 9)).body()
                .path("result").path("reportId").asText();
        JsonNode result = info(ROMASHKA, reportId).body().path("result");
        assertThat(result.path("status").asText()).isEqualTo("DONE");
        assertThat(result.path("subStatus").asText()).isEqualTo("NO_DATA");
        assertThat(result.has("file")).isFalse();
    }

    @Test
    void theServicesReportOfAnActMonthHoldsSeveralServiceKinds() throws Exception {
        emulator.reports().pollsUntilDone(0);
        YmHttp.Reply generated = http.send("POST", SERVICES + "&language=RU", ROMASHKA.apiKey(),
                "{\"businessId\":" + ROMASHKA.businessId() + ",\"yearFrom\":2026,\"monthFrom\":10,\"yearTo\":2026,"
                        + "\"monthTo\":10,\"campaignIds\":[" + ROMASHKA.campaignId() + "]}");
        assertThat(generated.status()).isEqualTo(200);
        JsonNode file = download(info(ROMASHKA, generated.body().path("result").path("reportId").asText()).body()
                .path("result").path("file").asText());
        assertThat(file.path("placement")).hasSize(5);
        assertThat(file.path("loyalty_and_reviews")).hasSize(1);
        assertThat(file.path("boost")).hasSize(1);
        BigDecimal placement = BigDecimal.ZERO;
        for (JsonNode row : file.path("placement")) {
            assertThat(row.path("serviceName").asText()).isEqualTo(YandexMarketReportSeed.PLACEMENT_SERVICE);
            placement = placement.add(row.path("totalAmount").decimalValue());
        }
        // 9 % of 3490 + 2360 + 2580 + 2161.50 + 1560, each to the kopeck
        assertThat(placement).isEqualByComparingTo("1093.64");
    }

    @Test
    void aSecondGenerationWithinTwoMinutesIsA420SayingUntilWhen() throws Exception {
        assertThat(http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(ROMASHKA, 10)).status()).isEqualTo(200);
        YmHttp.Reply again = http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(ROMASHKA, 10));
        assertThat(again.status()).isEqualTo(420);
        assertThat(again.header("X-RateLimit-Resource-Until")).isEqualTo("Sat, 07 Nov 2026 06:02:00 GMT");
        assertThat(http.send("POST", REALIZATION, VASILKOV.apiKey(), realization(VASILKOV, 10)).status())
                .as("another business has its own limit").isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(ROMASHKA, 10)).status()).isEqualTo(200);
    }

    @Test
    void anotherBusinessesCampaignOrReportIsRefused() throws Exception {
        assertThat(http.send("POST", REALIZATION, ROMASHKA.apiKey(), realization(VASILKOV, 10)).status()).isEqualTo(403);
        String reportId = http.send("POST", REALIZATION, VASILKOV.apiKey(), realization(VASILKOV, 10)).body()
                .path("result").path("reportId").asText();
        assertThat(info(ROMASHKA, reportId).status()).isEqualTo(404);
        assertThat(http.send("POST", REALIZATION, null, realization(ROMASHKA, 10)).status()).isEqualTo(401);
    }

    @Test
    void badGenerateRequestsAreRefused() throws Exception {
        assertThat(http.send("POST", REALIZATION, ROMASHKA.apiKey(), "{\"campaignId\":" + ROMASHKA.campaignId()
                + ",\"year\":2026,\"month\":13}").status()).isEqualTo(400);
        assertThat(http.send("POST", SERVICES, ROMASHKA.apiKey(), "{\"businessId\":" + ROMASHKA.businessId()
                + ",\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-31\",\"yearFrom\":2026,\"monthFrom\":10,"
                + "\"yearTo\":2026,\"monthTo\":10}").status()).isEqualTo(400);
        assertThat(http.send("POST", SERVICES, ROMASHKA.apiKey(), "{\"businessId\":" + ROMASHKA.businessId()
                + ",\"dateFrom\":\"2026-01-01\",\"dateTo\":\"2026-10-31\"}").status()).isEqualTo(400);
    }
}
