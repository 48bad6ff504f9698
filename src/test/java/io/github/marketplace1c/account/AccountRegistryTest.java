package io.github.marketplace1c.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.sandbox.SandboxData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountRegistryTest {

    @TempDir
    Path temp;

    @Test
    void theShippedAccountsFileMatchesTheSandboxBase() {
        Map<String, String> env = Map.of("OZON_ROMASHKA_CLIENT_ID", "100001", "OZON_ROMASHKA_API_KEY", "k1",
                "OZON_VASILKOV_CLIENT_ID", "100002", "OZON_VASILKOV_API_KEY", "k2");
        AccountRegistry registry = AccountRegistry.load(Path.of("config/accounts.yaml"), env::get);

        for (SandboxData.OzonAccount sandbox : SandboxData.OZON_ACCOUNTS) {
            Account account = registry.get(sandbox.id());
            assertThat(account.marketplace()).isEqualTo("ozon");
            assertThat(account.goLiveDate()).isEqualTo(sandbox.goLiveDate());
            assertThat(account.credential("clientId")).isEqualTo(sandbox.clientId());
            assertThat(account.onec().organization()).isEqualTo(sandbox.organization().ref());
            assertThat(account.onec().counterparty()).isEqualTo(SandboxData.OZON.ref());
            assertThat(account.onec().contract()).isEqualTo(sandbox.contract().ref());
            assertThat(account.onec().partner()).isEqualTo(SandboxData.OZON_PARTNER_REF);
            assertThat(account.onec().agreement()).isEqualTo(SandboxData.agreementRef(sandbox.organization()));
        }
        assertThat(registry.enabled("ozon")).hasSize(2);
        assertThat(registry.get("ozon-romashka").toString()).doesNotContain("k1");
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefused() throws Exception {
        Path file = temp.resolve("accounts.yaml");
        Files.writeString(file, """
                accounts:
                  - id: ozon-x
                    marketplace: ozon
                    credentials:
                      apiKey: 0f3c-real-key-in-the-file
                """);

        assertThatThrownBy(() -> AccountRegistry.load(file, name -> null))
                .hasMessageContaining("ozon-x").hasMessageContaining("apiKey")
                .hasMessageContaining("environment variable")
                .hasMessageNotContaining("0f3c-real-key-in-the-file");
    }

    @Test
    void aMissingEnvironmentVariableFailsOnlyWhenTheCredentialIsUsed() throws Exception {
        Path file = temp.resolve("accounts.yaml");
        Files.writeString(file, """
                accounts:
                  - id: ozon-x
                    marketplace: ozon
                    goLiveDate: 2026-12-01
                    credentials:
                      apiKey: ${OZON_X_API_KEY}
                  - id: ozon-off
                    marketplace: ozon
                    enabled: false
                """);

        AccountRegistry registry = AccountRegistry.load(file, name -> null);

        assertThat(registry.enabled("ozon")).extracting(Account::id).containsExactly("ozon-x");
        assertThat(registry.get("ozon-x").goLiveDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThatThrownBy(() -> registry.get("ozon-x").credential("apiKey"))
                .isInstanceOfSatisfying(PermanentFailure.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.AUTH_FAILED))
                .hasMessageContaining("apiKey");
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        Path file = temp.resolve("accounts.yaml");
        Files.writeString(file, "accounts:\n  - {id: a, marketplace: ozon}\n  - {id: a, marketplace: ozon}\n");

        assertThatThrownBy(() -> AccountRegistry.load(file, name -> null)).hasMessageContaining("appears twice");
    }

    @Test
    void anAccountToRunWithoutItsCredentialStopsTheStartButAPausedOrDisabledOneDoesNot() throws Exception {
        Path file = temp.resolve("accounts.yaml");
        Files.writeString(file, """
                accounts:
                  - id: ozon-live
                    marketplace: ozon
                    credentials:
                      clientId: ${OZON_LIVE_CLIENT_ID}
                      apiKey: ${OZON_LIVE_API_KEY}
                  - id: ozon-new
                    marketplace: ozon
                    paused: true
                    credentials:
                      apiKey: ${OZON_NEW_API_KEY}
                  - id: ozon-off
                    marketplace: ozon
                    enabled: false
                    credentials:
                      apiKey: ${OZON_OFF_API_KEY}
                """);
        Map<String, String> env = new java.util.HashMap<>(Map.of("OZON_LIVE_CLIENT_ID", "1"));

        assertThatThrownBy(() -> AccountRegistry.load(file, env::get).requireCredentials())
                .hasMessageContaining("ozon-live").hasMessageContaining("apiKey (OZON_LIVE_API_KEY)")
                .hasMessageNotContaining("OZON_LIVE_CLIENT_ID").hasMessageNotContaining("ozon-new")
                .hasMessageContaining("paused: true");

        env.put("OZON_LIVE_API_KEY", "k");
        AccountRegistry registry = AccountRegistry.load(file, env::get);
        registry.requireCredentials();
        assertThat(registry.enabled("ozon")).extracting(Account::id).containsExactly("ozon-live");
        assertThat(registry.paused("ozon-new")).isTrue();
        assertThat(registry.find("ozon-new")).isPresent();
    }
}
