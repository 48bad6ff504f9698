package io.github.marketplace1c.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.account.AccountRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aWildberriesJwtExpiringInTenDaysIsWarnedAboutWithoutTheToken() {
        String token = ObserveEndpointsTest.jwt(NOW.plus(Duration.ofDays(10)));
        TokenLifetimes lifetimes = new TokenLifetimes(new AccountRegistry(List.of(wb("wb-a", token, true))), clock);

        List<TokenLifetimes.Lifetime> soon = lifetimes.expiringSoon();

        assertThat(soon).hasSize(1);
        TokenLifetimes.Lifetime lifetime = soon.get(0);
        assertThat(lifetime.accountId()).isEqualTo("wb-a");
        assertThat(lifetime.expires()).isEqualTo(NOW.plus(Duration.ofDays(10)));
        assertThat(lifetime.daysLeft()).isEqualTo(10.0);
        assertThat(lifetime.warning()).isEqualTo("the wildberries token of account wb-a expires in 10 days "
                + "(2026-12-14T12:00:00Z): issue a new one in the seller's cabinet").doesNotContain(token)
                .doesNotContain(token.split("\\.")[1]);
    }

    @Test
    void aTokenWithMonthsLeftIsNoWarningAndAnExpiredOneSaysSo() {
        TokenLifetimes lifetimes = new TokenLifetimes(new AccountRegistry(List.of(
                wb("wb-fresh", ObserveEndpointsTest.jwt(NOW.plus(Duration.ofDays(150))), true),
                wb("wb-old", ObserveEndpointsTest.jwt(NOW.minus(Duration.ofDays(2))), true),
                wb("wb-off", ObserveEndpointsTest.jwt(NOW.plus(Duration.ofDays(1))), false))), clock);

        assertThat(lifetimes.all()).extracting(TokenLifetimes.Lifetime::accountId).containsExactly("wb-fresh", "wb-old");
        assertThat(lifetimes.expiringSoon()).extracting(TokenLifetimes.Lifetime::accountId).containsExactly("wb-old");
        assertThat(lifetimes.expiringSoon().get(0).warning()).startsWith("the wildberries token of account wb-old has expired");
    }

    @Test
    void whatIsNoJwtHasNoExpiry() {
        assertThat(TokenLifetimes.expiry("sandbox-wb-token-romashka")).isEmpty();
        assertThat(TokenLifetimes.expiry("a.b.c")).isEmpty();
        assertThat(TokenLifetimes.expiry("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.x")).as("a JWT without exp").isEmpty();
        assertThat(TokenLifetimes.expiry(null)).isEmpty();
    }

    private static Account wb(String id, String token, boolean enabled) {
        return new Account(id, "wildberries", id, enabled, null, Map.of("token", token), null, Map.of());
    }
}
