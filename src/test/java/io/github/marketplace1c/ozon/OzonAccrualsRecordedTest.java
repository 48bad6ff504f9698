package io.github.marketplace1c.ozon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.report.ServiceCharge;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The accrual reader on answers others recorded from Ozon (src/test/resources/recorded/ozon-finance/README.md). */
class OzonAccrualsRecordedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "src/test/resources/recorded/ozon-finance/";
    private final OzonAccruals reader = new OzonAccruals(Map.of(32, "Доставка до места выдачи", 29, "Обработка отправления"));

    private static JsonNode accruals(String file) throws Exception {
        return JSON.readTree(new File(DIR + file)).path("accruals");
    }

    @Test
    void everyRecordedAccrualsChargesAddUpToOzonsTotalLessTheSale() throws Exception {
        for (String file : List.of("accruals-by-day-2026-08-15.json", "accruals-container-fees-handwritten.json")) {
            for (JsonNode accrual : accruals(file)) {
                List<ServiceCharge> charges = new ArrayList<>();
                BigDecimal stated = reader.read(accrual, charges::add);
                BigDecimal sum = charges.stream().map(ServiceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).as(file + " accrual " + accrual.path("accrual_id")).isEqualByComparingTo(stated);
                assertThat(charges).as("no money group is left unread, so nothing is parked")
                        .allSatisfy(c -> assertThat(c.code()).matches("\\d+"));
            }
        }
    }

    @Test
    void aPostingWithASaleIsChargedItsDeliveryOnlyTheSaleAndCommissionAreTheRealizationReports() throws Exception {
        JsonNode sale = accruals("accruals-by-day-2026-08-15.json").get(3);
        List<ServiceCharge> charges = new ArrayList<>();
        BigDecimal stated = reader.read(sale, charges::add);

        // 702.86 accrued = 1300 sold − 533 commission − 64.14 delivery; bonus and coinvestment are not in it
        assertThat(stated).isEqualByComparingTo("64.14");
        assertThat(charges).extracting(ServiceCharge::code, ServiceCharge::name, c -> c.amount().toPlainString(),
                ServiceCharge::productKey).containsExactly(
                tuple("32", "Доставка до места выдачи", "56", "sku:4004598018"),
                tuple("29", "Обработка отправления", "8.14", "sku:4004598018"));
    }

    @Test
    void groupsOzonSendsAsNullAreNoChargesAndARefundIsANegativeCharge() throws Exception {
        JsonNode recorded = accruals("accruals-by-day-2026-08-15.json");
        List<ServiceCharge> item = new ArrayList<>();
        reader.read(recorded.get(0), item::add);
        assertThat(item).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("1");
            assertThat(c.amount()).isEqualByComparingTo("4.13");
            assertThat(c.productKey()).isEqualTo("sku:4822584943");
            assertThat(c.date()).hasToString("2026-08-15");
        });
        List<ServiceCharge> refund = new ArrayList<>();
        reader.read(accruals("accruals-container-fees-handwritten.json").get(1), refund::add);
        assertThat(refund).singleElement().satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("-25.50"));
    }

    @Test
    void containerFeesAreChargesOfTheirTypeWithoutAProduct() throws Exception {
        List<ServiceCharge> charges = new ArrayList<>();
        BigDecimal stated = reader.read(accruals("accruals-container-fees-handwritten.json").get(2), charges::add);
        assertThat(stated).isEqualByComparingTo("3");
        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("20");
            assertThat(c.amount()).isEqualByComparingTo("3");
            assertThat(c.productKey()).isNull();
        });
    }

    @Test
    void aBareAmountInAnUnknownFieldIsParkedUnderItsPathAndAnAccrualWithoutATotalFallsBackToWhatWasRead()
            throws Exception {
        JsonNode accrual = JSON.readTree("""
                {"accrual_id":1,"date":"2026-10-05","accrued_category":"POSTING",
                 "posting":{"products":[{"sku":7,"delivery":{"services":[{"type_id":101,"accrued":{"amount":"-76.00"}}],
                   "total_accrued":{"amount":"-76.00"}},"penalty":{"amount":"-10.00","currency":"RUB"}}]}}
                """);
        List<ServiceCharge> charges = new ArrayList<>();
        BigDecimal stated = reader.read(accrual, charges::add);
        assertThat(charges).extracting(ServiceCharge::code, c -> c.amount().toPlainString())
                .containsExactlyInAnyOrder(tuple("101", "76.00"), tuple("posting.products.penalty", "10.00"));
        // no total_amount: Ozon's delivery total (76.00) stands for it; the parked 10.00 then shows as a difference
        assertThat(stated).isEqualByComparingTo("76.00");
    }

    @Test
    void anAmountThatIsNotANumberIsAnInvalidPayloadNamingTheType() throws Exception {
        JsonNode accrual = JSON.readTree("""
                {"accrual_id":1,"accrued_category":"CONTAINER_FEES","total_amount":{"amount":"-3"},
                 "container_fees":{"fees":[{"type_id":20,"accrued":{"amount":"-3,00"}}]}}
                """);
        assertThatThrownBy(() -> reader.read(accrual, c -> { }))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("type 20").hasMessageContaining("-3,00")
                .satisfies(e -> assertThat(((PermanentFailure) e).reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD));
    }
}
