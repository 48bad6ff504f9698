package io.github.marketplace1c.onec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.http.HttpJson;
import io.github.marketplace1c.sandbox.SandboxData;
import io.github.marketplace1c.sandbox.onec.OneCEmulator;
import io.github.marketplace1c.testing.OneCVat;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 1C's VAT rates read from the strict emulator's seeded base over real HTTP, as the documents use them. */
class VatRatesTest {

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 2);
    private static final SandboxData.Item TEA = SandboxData.ITEMS.get(0);
    private static final SandboxData.Item MUG = SandboxData.ITEMS.get(3);

    private final Vertx vertx = Vertx.vertx();
    private OneCEmulator onec;

    @AfterEach
    void stop() {
        onec.close();
        vertx.close();
    }

    private VatRates rates(OneCEmulator.Configuration configuration) {
        onec = new OneCEmulator(vertx, configuration, true).start("127.0.0.1", 0);
        ODataClient odata = new ODataClient(new HttpJson(new ObjectMapper(), Duration.ofSeconds(5),
                Duration.ofSeconds(30)), onec.baseUrl(), OneCEmulator.DEFAULT_USER,
                OneCEmulator.DEFAULT_PASSWORD, 2);
        return new VatRates(odata, configuration == OneCEmulator.Configuration.UNF ? VatRates.Flavor.UNF
                : VatRates.Flavor.UT, Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static Account account(SandboxData.Organization organization, SandboxData.Contract contract,
                                   Map<String, String> settings) {
        return new Account("test", "ozon", "test", true, LocalDate.of(2026, 11, 1), Map.of(),
                new Account.OneCReferences(organization.ref(), SandboxData.OZON.ref(), contract.ref(), null, null,
                        null), settings);
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "KA", "UNF"})
    void eachItemGetsItsOwnRateFoundByNumberAndKindNotByName(OneCEmulator.Configuration configuration) {
        VatRates rates = rates(configuration);

        DocumentVat vat = rates.goods(account(SandboxData.ROMASHKA, SandboxData.ROMASHKA_OZON_CONTRACT, Map.of()),
                List.of(TEA.nomenclatureRef(), MUG.nomenclatureRef()), NOVEMBER);

        assertThat(vat.of(TEA.nomenclatureRef())).isEqualTo(new VatRate(SandboxData.VAT_10.ref(), BigDecimal.TEN));
        assertThat(vat.of(MUG.nomenclatureRef()).ref()).isEqualTo(SandboxData.VAT_22.ref());
        // the 22/122 item has the same number but is a calculated rate; the 20 % item is not 2026's general rate
        assertThat(rates.general(NOVEMBER).ref()).isEqualTo(SandboxData.VAT_22.ref());
        assertThat(rates.byNumber(new BigDecimal("22"), null, NOVEMBER).ref()).isEqualTo(SandboxData.VAT_22.ref());
    }

    @Test
    void utValidityDatesSayWhichGeneralRateADayHas() {
        VatRates rates = rates(OneCEmulator.Configuration.UT);

        assertThat(rates.general(LocalDate.of(2025, 12, 31)).ref()).isEqualTo(SandboxData.VAT_20.ref());
        // the 20 % item ended on 2025-12-31: no 20 % rate is valid in 2026
        assertThatThrownBy(() -> rates.byNumber(new BigDecimal("20"), null, NOVEMBER))
                .isInstanceOfSatisfying(PermanentFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining("20 %").hasMessageContaining("2026-11-02");
    }

    @Test
    void utTheContractsRateIsTheOrganizationsRegimeOnEveryLine() {
        VatRates rates = rates(OneCEmulator.Configuration.UT);

        DocumentVat vat = rates.goods(account(SandboxData.VASILKOV, SandboxData.VASILKOV_OZON_CONTRACT, Map.of()),
                List.of(TEA.nomenclatureRef(), MUG.nomenclatureRef()), NOVEMBER);

        assertThat(vat.of(TEA.nomenclatureRef()).ref()).isEqualTo(SandboxData.VAT_5.ref());
        assertThat(vat.of(MUG.nomenclatureRef()).ref()).isEqualTo(SandboxData.VAT_5.ref());
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "UNF"})
    void theAccountsVatRateSettingPutsThatRateOnEveryLineAndAnUnknownOneIsAConfigurationError(
            OneCEmulator.Configuration configuration) {
        VatRates rates = rates(configuration);

        DocumentVat vat = rates.goods(account(SandboxData.ROMASHKA, SandboxData.ROMASHKA_OZON_CONTRACT,
                Map.of("vatRate", SandboxData.VAT_NONE.ref())), List.of(TEA.nomenclatureRef()), NOVEMBER);
        assertThat(vat.of(TEA.nomenclatureRef())).isEqualTo(new VatRate(SandboxData.VAT_NONE.ref(), null));

        assertThatThrownBy(() -> rates.goods(account(SandboxData.ROMASHKA, SandboxData.ROMASHKA_OZON_CONTRACT,
                Map.of("vatRate", SandboxData.RUBLE_REF)), List.of(TEA.nomenclatureRef()), NOVEMBER))
                .isInstanceOfSatisfying(PermanentFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining("settings.vatRate").hasMessageContaining(SandboxData.RUBLE_REF);
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "UNF"})
    void theCatalogIsReadOnceAndItemsOnceForManyDocuments(OneCEmulator.Configuration configuration) {
        VatRates rates = rates(configuration);
        Account romashka = account(SandboxData.ROMASHKA, SandboxData.ROMASHKA_OZON_CONTRACT, Map.of());
        List<String> all = SandboxData.ITEMS.stream().map(SandboxData.Item::nomenclatureRef).distinct().toList();

        for (int document = 0; document < 20; document++) {
            rates.goods(romashka, all, NOVEMBER);
        }

        OneCVat vat = new OneCVat(onec);
        assertThat(vat.reads("Catalog_СтавкиНДС")).isEqualTo(1);
        assertThat(vat.reads("Catalog_Номенклатура")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = OneCEmulator.Configuration.class, names = {"UT", "UNF"})
    void anItemWithoutARateIn1CIsAConfigurationErrorNamingIt(OneCEmulator.Configuration configuration)
            throws Exception {
        VatRates rates = rates(configuration);
        new OneCVat(onec).setItemRate(MUG.nomenclatureRef(), new SandboxData.VatItem(
                "00000000-0000-0000-0000-000000000000", "", null, false, "", null));

        assertThatThrownBy(() -> rates.goods(account(SandboxData.ROMASHKA, SandboxData.ROMASHKA_OZON_CONTRACT,
                Map.of()), List.of(MUG.nomenclatureRef()), NOVEMBER))
                .isInstanceOfSatisfying(PermanentFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining(MUG.nomenclatureRef()).hasMessageContaining("no VAT rate");
    }
}
