package io.github.marketplace1c.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which reports an account loads: from settings.reportsFrom, else its go-live date, else a look-back. */
class ReportFlowFirstDayTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 7);
    private final ReportFlow flow = new ReportFlow(null, ReportKind.SALES, null, null, null, null, null, null, null,
            null, Clock.systemUTC(), ZoneId.of("Europe/Moscow"), new BigDecimal("0.01"), 62);

    private static Account account(LocalDate goLive, Map<String, String> settings) {
        return new Account("wb-x", "wildberries", "WB", true, goLive, Map.of(), null, settings);
    }

    @Test
    void reportsFromWinsOverTheGoLiveDate() {
        assertThat(flow.firstDay(account(LocalDate.of(2026, 11, 1), Map.of("reportsFrom", "2026-10-01")), TODAY))
                .isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void withoutItTheGoLiveDateExcludesEarlierPeriods() {
        assertThat(flow.firstDay(account(LocalDate.of(2026, 11, 1), Map.of()), TODAY))
                .isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void withNeitherTheLookBack() {
        assertThat(flow.firstDay(account(null, Map.of()), TODAY)).isEqualTo(TODAY.minusDays(62));
    }

    @Test
    void aReportsFromThatIsNotADateIsAConfigurationError() {
        assertThatThrownBy(() -> flow.firstDay(account(null, Map.of("reportsFrom", "1.10.2026")), TODAY))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("wb-x")
                .hasMessageContaining("settings.reportsFrom '1.10.2026'");
    }
}
