package io.github.marketplace1c.sandbox.yandexmarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.YandexMarketContract;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.ozon.MutableClock;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /v2/businesses/{businessId}/offer-mappings} over real HTTP on 127.0.0.1: the seeded catalog,
 * {@code page_token} paging, offerIds, credentials; every exchange validated against the official spec.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexMarketOfferMappingsTest {

    private static final SandboxData.YandexMarketAccount ROMASHKA = SandboxData.YM_ROMASHKA;
    private static final String PATH = "/v2/businesses/" + ROMASHKA.businessId() + "/offer-mappings";

    private Vertx vertx;
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
        emulator = new YandexMarketEmulator(vertx, new MutableClock(Instant.parse("2026-11-10T12:00:10Z")), true)
                .start("127.0.0.1", 0);
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

    private List<JsonNode> all(int limit) throws Exception {
        List<JsonNode> offers = new ArrayList<>();
        String token = "";
        for (int pages = 0; pages < 50; pages++) {
            YmHttp.Reply reply = http.send("POST", PATH + "?limit=" + limit + (token.isEmpty() ? ""
                    : "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), ROMASHKA.apiKey(), "{}");
            assertThat(reply.status()).isEqualTo(200);
            reply.body().at("/result/offerMappings").forEach(offers::add);
            token = reply.body().at("/result/paging/nextPageToken").asText("");
            if (token.isEmpty()) {
                break;
            }
        }
        return offers;
    }

    @Test
    void pagesTheWholeCatalogWithBarcodesAndMarketSkus() throws Exception {
        List<JsonNode> offers = all(5);
        assertThat(offers).hasSize(SandboxData.YM_OFFERS.size() + SandboxData.CATALOG_OFFERS.size());
        assertThat(emulator.recorded()).hasSize(5);
        JsonNode shirt = offers.get(4);
        assertThat(shirt.at("/offer/offerId").asText()).isEqualTo("RM-TSH-005-M");
        assertThat(shirt.at("/offer/barcodes/0").asText()).isEqualTo(SandboxData.ITEMS.get(4).barcode());
        assertThat(shirt.at("/mapping/marketSku").asLong()).isEqualTo(100_500_000_004L);
        assertThat(offers.get(offers.size() - 1).at("/offer/offerId").asText()).isEqualTo("LAMP-LED-99");
    }

    @Test
    void aLimitOverOneHundredIsCutAndOfferIdsNeedNoPaging() throws Exception {
        for (int i = 0; i < 150; i++) {
            emulator.offerMappings().add(new OfferMappings.Offer("BULK-" + i, "Товар " + i, List.of(), 1L + i));
        }
        YmHttp.Reply first = http.send("POST", PATH + "?limit=500", ROMASHKA.apiKey(), "{}");
        assertThat(first.body().at("/result/offerMappings")).hasSize(100);
        assertThat(all(100)).hasSize(172);
        JsonNode two = http.send("POST", PATH, ROMASHKA.apiKey(), "{\"offerIds\":[\"KT_015\",\"BULK-7\"]}").body();
        assertThat(two.at("/result/offerMappings")).hasSize(2);
        assertThat(two.at("/result/paging/nextPageToken").isMissingNode()).isTrue();
    }

    @Test
    void credentialsAndTokensAreChecked() throws Exception {
        assertThat(http.send("POST", PATH, null, "{}").status()).isEqualTo(401);
        assertThat(http.send("POST", PATH, "wrong-key", "{}").status()).isEqualTo(403);
        assertThat(http.send("POST", "/v2/businesses/" + SandboxData.YM_VASILKOV.businessId() + "/offer-mappings",
                ROMASHKA.apiKey(), "{}").status()).isEqualTo(403);
        assertThat(http.send("POST", PATH + "?page_token=garbage", ROMASHKA.apiKey(), "{}").status()).isEqualTo(400);
    }
}
