package io.github.marketplace1c.sandbox.wildberries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.marketplace1c.contract.WildberriesContract;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.ozon.MutableClock;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /content/v2/get/cards/list} over real HTTP on 127.0.0.1: the seeded cards, cursor paging as WB documents
 * it, bad limits; every exchange validated against the official spec (02-items) after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WildberriesCardsTest {

    private static final String CARDS = "/content/v2/get/cards/list";
    private static final String TOKEN = SandboxData.WB_ROMASHKA.token();

    private Vertx vertx;
    private WildberriesEmulator emulator;
    private WildberriesHttp http;

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
        emulator = new WildberriesEmulator(vertx, new MutableClock(Instant.parse("2026-11-10T12:00:00Z")), true)
                .start("127.0.0.1", 0);
        emulator.rateLimits(false);
        http = new WildberriesHttp(emulator.baseUrl());
    }

    @AfterEach
    void conformsToSpec() {
        try {
            WildberriesContract.assertConforms(emulator.recorded());
        } finally {
            emulator.close();
        }
    }

    private static String page(int limit, JsonNode cursor) {
        String after = cursor == null ? "" : ",\"updatedAt\":\"" + cursor.get("updatedAt").asText() + "\",\"nmID\":"
                + cursor.get("nmID").asLong();
        return "{\"settings\":{\"sort\":{\"ascending\":true},\"filter\":{\"withPhoto\":-1},\"cursor\":{\"limit\":" + limit
                + after + "}}}";
    }

    /** Pages as WB tells integrators to: repeat with the answer's cursor until total is below the limit. */
    private List<JsonNode> allCards(int limit) throws Exception {
        List<JsonNode> cards = new ArrayList<>();
        JsonNode cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            WildberriesHttp.Reply reply = http.post(CARDS, TOKEN, page(limit, cursor));
            assertThat(reply.status()).isEqualTo(200);
            reply.body().get("cards").forEach(cards::add);
            cursor = reply.body().get("cursor");
            if (cursor.get("total").asInt() < limit) {
                break;
            }
        }
        return cards;
    }

    @Test
    void seededCardsCarryTheSizesTheOrdersUse() throws Exception {
        List<JsonNode> cards = allCards(100);
        // 12 sizes on 10 cards (the shirt's 3 sizes share one), and the 10 catalog-only cards
        assertThat(cards).hasSize(20);
        JsonNode shirt = cards.stream().filter(c -> c.get("nmID").asLong() == 210_000_004L).findFirst().orElseThrow();
        assertThat(shirt.get("vendorCode").asText()).isEqualTo("RM-TSH-005");
        assertThat(shirt.get("sizes")).hasSize(3);
        JsonNode sizeM = shirt.get("sizes").get(0);
        assertThat(sizeM.get("chrtID").asLong()).isEqualTo(310_000_004L);
        assertThat(sizeM.get("techSize").asText()).isEqualTo("M");
        assertThat(sizeM.get("skus").get(0).asText()).isEqualTo(SandboxData.ITEMS.get(4).barcode());
        JsonNode pens = cards.stream().filter(c -> c.get("vendorCode").asText().equals("PEN-SET-2")).findFirst()
                .orElseThrow();
        assertThat(pens.at("/sizes/0/chrtID").asLong()).isEqualTo(WildberriesCards.FIRST_CATALOG_CHRT_ID + 7);
        assertThat(pens.at("/sizes/0/skus")).hasSize(2);
    }

    @Test
    void cursorPagingReturnsEveryCardOnceInUpdateOrder() throws Exception {
        for (int i = 0; i < 230; i++) {
            emulator.cards().add(220_000_000L + i, "BULK-" + i, "Товар " + i,
                    List.of(new WildberriesCards.Size(320_000_000L + i, "0", List.of("2000000" + (100_000 + i)))));
        }
        List<JsonNode> cards = allCards(100);
        assertThat(cards).hasSize(250);
        Set<Long> nmIds = new HashSet<>();
        cards.forEach(c -> nmIds.add(c.get("nmID").asLong()));
        assertThat(nmIds).hasSize(250);
        assertThat(cards.get(cards.size() - 1).get("vendorCode").asText()).isEqualTo("BULK-229");
        // three full pages and a last one of 50
        assertThat(emulator.recorded()).hasSize(3);
    }

    @Test
    void aLimitOverOneHundredIsTheContentServicesBadRequest() throws Exception {
        WildberriesHttp.Reply reply = http.post(CARDS, TOKEN, page(101, null));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asBoolean()).isTrue();
        assertThat(reply.body().get("errorText").asText()).contains("limit");
        assertThat(http.post(CARDS, "not-a-token", page(10, null)).status()).isEqualTo(401);
    }

    @Test
    void textSearchFindsACardByBarcode() throws Exception {
        String barcode = SandboxData.CATALOG_ITEMS.get(0).barcode();
        JsonNode cards = http.post(CARDS, TOKEN, "{\"settings\":{\"filter\":{\"textSearch\":\"" + barcode
                + "\",\"withPhoto\":-1},\"cursor\":{\"limit\":10}}}").body().get("cards");
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("vendorCode").asText()).isEqualTo("RM-PLD-011");
    }
}
