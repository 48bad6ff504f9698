package io.github.marketplace1c.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RetryHintsTest {

    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void aWaitTheOtherSideAskedForBecomesTheNextRedeliveryDelay() {
        exchange.setException(new TransientFailure(ReasonCode.ONEC_UNAVAILABLE, "1C busy", Duration.ofSeconds(3), null));

        new RetryHints().process(exchange);

        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(3000L);
    }

    @Test
    void withoutAHintTheBackOffPolicyDecidesAgain() {
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, 3000L); // left by an earlier attempt
        exchange.setException(new RuntimeException("wrapped",
                new TransientFailure(ReasonCode.MARKETPLACE_UNAVAILABLE, "Ozon 503")));

        new RetryHints().process(exchange);

        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
    }
}
