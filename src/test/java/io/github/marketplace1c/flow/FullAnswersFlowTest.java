package io.github.marketplace1c.flow;

import io.github.marketplace1c.sandbox.SpecFullAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The orders and stock flow tests once more with full answers: every optional field the official spec defines,
 * that the emulators leave out, is in their answers (money we ignore on purpose non-zero). The same assertions
 * must hold: what 1C receives and what the marketplaces receive does not change.
 */
class FullAnswersFlowTest {

    private static void on() {
        System.setProperty(SpecFullAnswers.SETTING, "true");
    }

    private static void off() {
        System.clearProperty(SpecFullAnswers.SETTING);
    }

    @Nested
    class Orders extends OrdersAcrossMarketplacesTest {
        @BeforeEach
        void fullAnswers() {
            on();
        }

        @AfterEach
        void plainAnswers() {
            off();
        }
    }

    @Nested
    class Stocks extends StockExportTest {
        @BeforeEach
        void fullAnswers() {
            on();
        }

        @AfterEach
        void plainAnswers() {
            off();
        }
    }
}
