package io.github.marketplace1c.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.Faults;
import io.github.marketplace1c.sandbox.SandboxData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One marketplace as the flow tests see it: its accounts, what its emulator holds, what a first run must make of
 * it (derived from the emulator's own data, not hard-coded), and how to provoke its failures.
 */
public interface MarketplaceUnderTest {

    /** An order the first run must create in 1C, with the lines 1C must show. */
    record ExpectedOrder(String externalNumber, String accountId, String warehouseRef, List<ExpectedLine> lines) {

        public BigDecimal total() {
            return lines.stream().map(ExpectedLine::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    record ExpectedLine(String nomenclatureRef, String characteristicRef, BigDecimal quantity, BigDecimal price,
                        BigDecimal sum) {
    }

    /** What a first run makes of one account's orders. */
    record Expectations(List<ExpectedOrder> orders, List<String> unmapped, List<String> beforeGoLive,
                        List<String> cancelled) {

        public int fetched() {
            return orders.size() + unmapped.size() + beforeGoLive.size() + cancelled.size();
        }
    }

    /** An account: its id, the organization, and the name of the property holding its secret. */
    record TestAccount(String id, SandboxData.Organization organization, SandboxData.Contract contract,
                       String secretProperty, String secret, LocalDate goLiveDate) {
    }

    String key();

    default String flow() {
        return key() + "-orders";
    }

    SandboxData.Counterparty counterparty();

    List<TestAccount> accounts();

    Expectations expect(FlowWorld world, TestAccount account);

    /** The buyer cancels an order the emulator holds. */
    void cancelByBuyer(FlowWorld world, String externalNumber);

    Faults faults(FlowWorld world);

    /** The path of the orders list, for faults. */
    String listPath();

    /** The exchanges the emulator recorded, as (account secret, status, time). */
    List<Exchange> exchanges(FlowWorld world);

    record Exchange(String secret, int status, Instant at, Map<String, String> headers) {
    }

    /** The marketplace's wait on a rate-limit answer, as it said it (or our configured wait where it says none). */
    java.time.Duration toldWait(Exchange limited);

    List<MarketplaceUnderTest> ALL = List.of(new OzonUnderTest(), new WildberriesUnderTest(), new YandexMarketUnderTest());

    static MarketplaceUnderTest of(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    static Instant goLive(LocalDate date) {
        return date.atStartOfDay(OzonSeedExpectations.MOSCOW).toInstant();
    }

    static String orEmpty(String ref) {
        return ref == null ? "00000000-0000-0000-0000-000000000000" : ref;
    }

    static BigDecimal unit(BigDecimal sum, BigDecimal quantity) {
        return sum.divide(quantity, 2, RoundingMode.HALF_UP);
    }

    static Optional<ObjectNode> none() {
        return Optional.empty();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static Instant instant(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }
}
