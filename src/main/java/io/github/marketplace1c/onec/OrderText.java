package io.github.marketplace1c.onec;

import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.marketplace.Marketplaces;
import io.github.marketplace1c.order.Order;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Wording and formats shared by the 1C profiles. */
final class OrderText {

    static final String EMPTY_REF = "00000000-0000-0000-0000-000000000000";

    private OrderText() {
    }

    /** The comment a 1C user sees on the order: which marketplace, which cabinet, which order. */
    static String comment(Order order, Account account) {
        return Marketplaces.displayName(order.marketplace()) + ", кабинет «"
                + account.name() + "» (" + account.id() + "): заказ " + order.externalNumber()
                + (order.details() == null || order.details().isBlank() ? "" : " (" + order.details() + ")")
                + ". Загружен marketplace-1c.";
    }

    /** 1C's wall-clock date-time, without zone: {@code 2026-11-02T12:15:00}. */
    static String date(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    static String refOrEmpty(String ref) {
        return ref == null || ref.isBlank() ? EMPTY_REF : ref;
    }
}
