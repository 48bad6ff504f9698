package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.ozon.OzonEmulator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a first run should make of an account's postings, derived from the emulator's own data (not hard-coded):
 * postings created before the go-live date and cancelled ones are skipped, those with an unmapped offer become
 * UNMAPPED_PRODUCT dead letters, the rest become 1C orders.
 */
public record OzonSeedExpectations(List<ObjectNode> orders, List<ObjectNode> unmapped, List<ObjectNode> beforeGoLive,
                                   List<ObjectNode> cancelled) {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    public static OzonSeedExpectations of(OzonEmulator ozon, SandboxData.OzonAccount account) {
        Instant goLive = account.goLiveDate().atStartOfDay(MOSCOW).toInstant();
        List<ObjectNode> orders = new ArrayList<>();
        List<ObjectNode> unmapped = new ArrayList<>();
        List<ObjectNode> before = new ArrayList<>();
        List<ObjectNode> cancelled = new ArrayList<>();
        for (ObjectNode posting : ozon.postings().all(account.clientId())) {
            if (Instant.parse(posting.path("in_process_at").asText()).isBefore(goLive)) {
                before.add(posting);
            } else if (posting.path("status").asText().startsWith("cancelled")) {
                cancelled.add(posting);
            } else if (hasUnmappedOffer(posting)) {
                unmapped.add(posting);
            } else {
                orders.add(posting);
            }
        }
        return new OzonSeedExpectations(orders, unmapped, before, cancelled);
    }

    public int fetched() {
        return orders.size() + unmapped.size() + beforeGoLive.size() + cancelled.size();
    }

    public static boolean hasUnmappedOffer(JsonNode posting) {
        for (JsonNode product : posting.path("products")) {
            if (!offer(product.path("offer_id").asText()).mapped()) {
                return true;
            }
        }
        return false;
    }

    public static SandboxData.OzonOffer offer(String offerId) {
        return SandboxData.OZON_OFFERS.stream().filter(o -> o.offerId().equals(offerId)).findFirst().orElseThrow();
    }
}
