package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The VAT side of the 1C emulator as a test sees it: what rate a row names, what VAT a sum holds, and the seller's
 * edits in 1C (an item's rate changed through OData, as a 1C user's change would be seen by a client).
 */
public record OneCVat(OneCEmulator onec) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public boolean unf() {
        return onec.configuration() == OneCEmulator.Configuration.UNF;
    }

    /** The catalog item a row's СтавкаНДС_Key names. */
    public SandboxData.VatItem rateOf(JsonNode row) {
        String ref = row.path("СтавкаНДС_Key").asText();
        return SandboxData.VAT_ITEMS.stream().filter(v -> v.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("the row names no seeded VAT item: " + row));
    }

    /** VAT inside a sum that includes it: sum × rate / (100 + rate), to the kopeck, half up. */
    public static BigDecimal vatIn(BigDecimal sum, SandboxData.VatItem rate) {
        if (rate.percent() == null) {
            return BigDecimal.ZERO;
        }
        return sum.multiply(rate.percent()).divide(new BigDecimal("100").add(rate.percent()), 2, RoundingMode.HALF_UP);
    }

    /** Sets an item's VAT rate in 1C: УТ/КА its СтавкаНДС, УНФ its ВидСтавкиНДС (the kind of that item). */
    public void setItemRate(String nomenclatureRef, SandboxData.VatItem rate) throws Exception {
        String body = unf() ? JSON.createObjectNode().put("ВидСтавкиНДС", rate.kind()).toString()
                : JSON.createObjectNode().put("СтавкаНДС_Key", rate.ref()).toString();
        String path = "Catalog_Номенклатура(guid'" + nomenclatureRef + "')";
        String url = onec.baseUrl() + "/odata/standard.odata/" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%28", "(").replace("%29", ")").replace("%27", "'") + "?$format=json";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (OneCEmulator.DEFAULT_USER + ":" + OneCEmulator.DEFAULT_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("1C refused the rate change: " + response.statusCode() + " " + response.body());
        }
    }

    /** How many requests read that entity set (GET), from the emulator's request log ("GET /path -> 200"). */
    public long reads(String entitySet) {
        return onec.requestLog().stream().filter(l -> l.startsWith("GET ")).map(l -> l.split(" ")[1])
                .filter(path -> path.endsWith("/" + entitySet) || path.contains("/" + entitySet + "(")
                        || path.contains("/" + entitySet + "/")).count();
    }
}
