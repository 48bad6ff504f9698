package io.github.marketplace1c.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.FlowWorld;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API against what a careless or hostile caller sends (issue 14): where it may listen, which headers
 * its answers carry, bad numbers and bodies, spreadsheet formulas in CSV files. Real HTTP on loopback against the
 * running application.
 */
class AdminHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every header an answer of ours may carry; anything else came from the request. */
    private static final Set<String> OURS = Set.of("content-type", "content-length", "content-disposition",
            "cache-control", "x-content-type-options", "referrer-policy", "www-authenticate", "transfer-encoding");

    @TempDir
    Path temp;

    @Test
    void aBindHostThatIsNotLoopbackIsRefusedUnlessRemoteIsAllowed() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of("mp1c.admin.host", "0.0.0.0"))) {
            assertThatThrownBy(world::start).hasStackTraceContaining("0.0.0.0")
                    .hasStackTraceContaining("mp1c.admin.allowRemote=true");
        }
        for (String host : List.of("0.0.0.0", "::", "192.168.1.20", "10.0.0.5")) {
            assertThatThrownBy(() -> AdminServer.requireLoopback(host, false)).as(host)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(host)
                    .hasMessageContaining("mp1c.admin.allowRemote=true");
            assertThat(AdminServer.requireLoopback(host, true)).as(host).isFalse();
        }
        for (String host : List.of("127.0.0.1", "::1", "localhost", "127.0.0.2")) {
            assertThat(AdminServer.requireLoopback(host, false)).as(host).isTrue();
        }
        // every address a name resolves to must be loopback: one elsewhere is enough to refuse
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress()) {
                    String literal = address.getHostAddress().replaceAll("%.*", "");
                    assertThatThrownBy(() -> AdminServer.requireLoopback(literal, false)).as(literal)
                            .hasMessageContaining("mp1c.admin.allowRemote");
                }
            }
        }
    }

    @Test
    void allowedRemoteStartsAndWarnsToPutItBehindTls() throws Exception {
        // the application's own log file (the start sets logging up afresh, so a stream captured before would miss it)
        java.nio.file.Path logFile = temp.resolve("remote.log");
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp,
                Map.of("mp1c.admin.host", "0.0.0.0", "mp1c.admin.allowRemote", "true",
                        "mp1c.log.file", logFile.toString()))) {
            world.start();
            assertThat(world.admin("GET", "/api/health", null).statusCode()).isEqualTo(200);
        }
        assertThat(java.nio.file.Files.readAllLines(logFile, StandardCharsets.UTF_8)).anySatisfy(line ->
                assertThat(line).contains("WARN").contains("0.0.0.0").contains("TLS").contains("reverse proxy"));
    }

    @Test
    void answersCarryOnlyOurHeadersNotWhatTheRequestSent() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            Map<String, String> hostile = Map.of("X-Forwarded-For", "10.9.8.7", "Access-Control-Allow-Origin",
                    "https://evil.example", "X-Actor", "mallory", "X-Frame-Options", "ALLOWALL", "Cache-Control", "public, max-age=31536000");
            String query = "?Set-Cookie=session%3Dstolen&Access-Control-Allow-Credentials=true&Location=https://evil.example"
                    + "&Content-Disposition=attachment%3B%20filename%3Devil.html";
            for (String path : List.of("/api/health", "/api/dead-letters", "/api/mappings/shelves", "/api/overview",
                    "/api/suggestions", "/api/mappings/warehouses/export", "/api/preview/stocks",
                    "/api/preview/stocks", "/api/dead-letters/999999", "/api/journal")) {
                String url = path + query + (path.startsWith("/api/preview") ? "&format=csv" : "");
                HttpResponse<String> answer = world.admin("GET", url, null, FlowWorld.ADMIN_TOKEN, hostile);

                Set<String> names = new TreeSet<>(answer.headers().map().keySet());
                names.removeIf(n -> n.startsWith(":"));
                assertThat(names).as(path + " " + answer.headers().map()).isSubsetOf(OURS);
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(answer.headers().firstValue("Content-Type")).as(path).isPresent();
                assertThat(answer.headers().map().toString()).as(path).doesNotContain(FlowWorld.ADMIN_TOKEN)
                        .doesNotContain("stolen").doesNotContain("evil.").doesNotContain("10.9.8.7")
                        .doesNotContain("max-age");
                assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            }
            HttpResponse<String> export = world.admin("GET", "/api/mappings/warehouses/export" + query, null);
            assertThat(export.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"warehouses.csv\"");
            // a query parameter named like Camel's own headers does not set the status or the body's type
            HttpResponse<String> status = world.admin("GET",
                    "/api/health?CamelHttpResponseCode=302&Content-Type=text/html", null);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    @Test
    void badNumbersAnswer400NamingTheParameter() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            for (String call : List.of("/api/dead-letters?limit=abc", "/api/dead-letters?limit=99999999999999999999",
                    "/api/journal?limit=1%20OR%201=1", "/api/journal/records?limit=-5", "/api/mappings/products?limit=1.5",
                    "/api/reports?limit=abc", "/api/suggestions?limit=abc", "/api/dead-letters?limit=0")) {
                HttpResponse<String> answer = world.admin("GET", call, null);
                assertThat(answer.statusCode()).as(call + " " + answer.body()).isEqualTo(400);
                assertThat(error(answer)).as(call).contains("limit").contains("whole number from 1 to 100000")
                        .doesNotContain("Exception");
            }
            for (String runId : List.of("1%20OR%201=1", "abc", "99999999999999999999")) {
                HttpResponse<String> answer = world.admin("GET", "/api/journal/records?runId=" + runId, null);
                assertThat(answer.statusCode()).as(runId + " " + answer.body()).isEqualTo(400);
                assertThat(error(answer)).contains("runId").contains("journal run's id").doesNotContain("Exception");
            }
            for (String id : List.of("99999999999999999999", "1%20OR%201=1")) {
                HttpResponse<String> pull = world.admin("GET", "/api/catalog/pulls/" + id, null);
                assertThat(pull.statusCode()).as(pull.body()).isEqualTo(400);
            }
            // a number in range still works, and the largest limit too
            assertThat(world.admin("GET", "/api/dead-letters?limit=100000", null).statusCode()).isEqualTo(200);
            assertThat(world.admin("GET", "/api/journal/records?runId=1&limit=5", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCsvImportWithoutTextCsvAnswers415SayingWhatToSend() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            String file = "marketplace;account;warehouse_key;onec_warehouse_ref;name;note\n"
                    + "ozon;ozon-romashka;900001;" + SandboxData.KAZAN_WAREHOUSE.ref() + ";Склад Казань;\n";
            for (Map<String, String> headers : List.of(Map.<String, String>of(),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    Map.of("Content-Type", "application/json"))) {
                HttpResponse<String> answer = world.admin("POST", "/api/mappings/warehouses/import", file,
                        FlowWorld.ADMIN_TOKEN, headers);
                assertThat(answer.statusCode()).as(headers + " " + answer.body()).isEqualTo(415);
                assertThat(error(answer)).contains("Content-Type: text/csv");
            }
            assertThat(world.adminJson("GET", "/api/mappings/warehouses?search=900001", null)).isEmpty();
            HttpResponse<String> imported = world.admin("POST", "/api/mappings/warehouses/import", file,
                    FlowWorld.ADMIN_TOKEN, Map.of("Content-Type", "text/csv; charset=utf-8"));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(world.adminJson("GET", "/api/mappings/warehouses?search=900001", null)).hasSize(1);
        }
    }

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsFormulasAreEscapedAndReimportAsTheyWere() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            SandboxData.Item shirt = SandboxData.ITEMS.get(4);
            // keys come from the marketplaces (and PUT): an integrator's spreadsheet must not run them
            world.adminJson("PUT", "/api/mappings/products", """
                    [{"marketplace":"ozon","key":"=HYPERLINK(\\"https://evil.example\\";\\"x\\")","ref":"%1$s",
                      "name":"+7 (900) 123","note":"@SUM(1+1)*cmd|' /C calc'!A0"},
                     {"marketplace":"ozon","key":"-2+3","ref":"%1$s","name":"\\tTab","note":"\\rCR"},
                     {"marketplace":"ozon","key":"SAFE-KEY","ref":"%1$s","name":"a = b","note":"x-y"}]
                    """.formatted(shirt.nomenclatureRef()));

            HttpResponse<String> export = world.admin("GET", "/api/mappings/products/export?marketplace=ozon", null);

            String csv = export.body();
            assertThat(csv).contains(";\"'=HYPERLINK(\"\"https://evil.example\"\";\"\"x\"\")\";")
                    .contains(";\"'+7 (900) 123\";").contains(";\"'@SUM(1+1)*cmd|' /C calc'!A0\"\n")
                    .contains(";\"'-2+3\";").contains(";\"'\tTab\";").contains(";\"'\rCR\"")
                    .contains(";SAFE-KEY;").contains(";a = b;x-y");
            for (String line : csv.substring(1).split("\n")) {
                for (String cell : line.split(";")) {
                    assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }

            // the file as exported imports back to the same keys (the quote we added is taken off again)
            world.adminJson("DELETE", "/api/mappings/products?marketplace=ozon&key=-2%2B3", null);
            HttpResponse<String> again = world.admin("POST", "/api/mappings/products/import", csv,
                    FlowWorld.ADMIN_TOKEN, Map.of("Content-Type", "text/csv"));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            JsonNode back = world.adminJson("GET", "/api/mappings/products?marketplace=ozon&search=-2%2B3", null);
            assertThat(back.get(0).path("key").asText()).isEqualTo("-2+3");
        }
    }

    @Test
    void anImportedCellThatStartsAsAFormulaIsRefusedWithItsLine() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            String ref = SandboxData.ITEMS.get(4).nomenclatureRef();
            String file = "marketplace;account;product_key;nomenclature_ref;characteristic_ref;name;note\n"
                    + "ozon;;GOOD-1;" + ref + ";;Рубашка;\n"
                    + "ozon;;=cmd|' /C calc'!A0;" + ref + ";;;\n"
                    + "ozon;;GOOD-2;" + ref + ";;@SUM(A1);-проверить\n"
                    + "ozon;;'=KEPT;" + ref + ";;;\n";

            HttpResponse<String> answer = world.admin("POST", "/api/mappings/products/import", file,
                    FlowWorld.ADMIN_TOKEN, Map.of("Content-Type", "text/csv"));

            assertThat(answer.statusCode()).isEqualTo(422);
            JsonNode rejected = JSON.readTree(answer.body()).path("rejected");
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).path("line").asInt()).isEqualTo(3);
            assertThat(rejected.get(0).path("error").asText()).contains("product_key").contains("formula")
                    .contains("'=cmd");
            assertThat(world.adminJson("GET", "/api/mappings/products?search=GOOD-", null)).isEmpty();

            // names and notes are kept as written (the export escapes them); a key written '=... is the key =...
            String without = file.lines().filter(l -> !l.contains("cmd")).reduce("", (a, b) -> a + b + "\n");
            HttpResponse<String> imported = world.admin("POST", "/api/mappings/products/import", without,
                    FlowWorld.ADMIN_TOKEN, Map.of("Content-Type", "text/csv"));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            JsonNode good = world.adminJson("GET", "/api/mappings/products?search=GOOD-2", null).get(0);
            assertThat(good.path("name").asText()).isEqualTo("@SUM(A1)");
            assertThat(good.path("note").asText()).isEqualTo("-проверить");
            assertThat(world.adminJson("GET", "/api/mappings/products?search=KEPT", null).get(0).path("key").asText())
                    .isEqualTo("=KEPT");
            assertThat(world.admin("GET", "/api/mappings/products/export", null).body())
                    .contains(";\"'@SUM(A1)\";\"'-проверить\"").contains(";\"'=KEPT\";");
        }
    }

    @Test
    void thePreviewCsvsEscapeFormulaCellsButNotNumbers() {
        String stocks = io.github.marketplace1c.inventory.Previews.csv(List.of(new io.github.marketplace1c.inventory.StockLine(
                "ozon-romashka", "@wh", "=HYPERLINK(\"x\";\"y\")", null, null, new java.math.BigDecimal("-3"),
                "-10%", 0, null)));
        assertThat(stocks.lines().toList().get(1)).isEqualTo(
                "ozon-romashka;\"'@wh\";\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\";;;-3;\"'-10%\";0;;yes");
        String prices = io.github.marketplace1c.inventory.Previews.priceCsv(List.of(new io.github.marketplace1c.inventory.PriceLine(
                "ozon-romashka", "+SUM(1)", null, null, new java.math.BigDecimal("349"), null, null, null)));
        assertThat(prices.lines().toList().get(1)).startsWith("ozon-romashka;\"'+SUM(1)\";;;349;");
    }

    @Test
    void theUnknownTableErrorListsEveryTable() throws Exception {
        try (FlowWorld world = new FlowWorld(OneCEmulator.Configuration.UT, temp, Map.of())) {
            world.start();
            List<String> kinds = JSON.convertValue(world.adminJson("GET", "/api/mapping-kinds", null),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));

            HttpResponse<String> answer = world.admin("GET", "/api/mappings/shelves", null);

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(kinds).contains("services");
            assertThat(error(answer)).isEqualTo("no mapping table 'shelves'; tables: " + String.join(", ", kinds));
        }
    }

    private static String error(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).path("error").asText();
    }
}
