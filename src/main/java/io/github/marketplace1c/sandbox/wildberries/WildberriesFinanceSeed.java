package io.github.marketplace1c.sandbox.wildberries;

import io.github.marketplace1c.sandbox.SandboxData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sandbox's realization reports: for each Wildberries account, the weekly reports around October 2026 (the month
 * before the sandbox's week), Monday to Sunday as WB cuts them. Sales and returns are of the mapped cards only, with
 * WB's 24.5 % commission; fees of the kinds the sandbox's service map knows: logistics (some rows also carrying
 * rebilled transport, rebillLogisticCost), storage, paid acceptance, a «Штраф» row that also carries paid acceptance
 * (as WB writes them), and a deduction told apart by its bonusTypeName (ВБ.Продвижение, with WB's document number).
 * The week that starts in September is there too and is skipped by the accounts' reportsFrom.
 * Deterministic: the same rows on every start.
 */
public final class WildberriesFinanceSeed {

    /** Monday of the first seeded week. */
    public static final LocalDate FIRST_WEEK = LocalDate.of(2026, 9, 28);
    public static final int WEEKS = 5;
    /** WB keeps 24.5 % of the sale (commission and acquiring): forPay = 75.5 % of the amount. */
    public static final BigDecimal FOR_PAY_SHARE = new BigDecimal("0.755");

    private WildberriesFinanceSeed() {
    }

    /** The report id of an account's week (0-based), as the seed numbers them. */
    public static long reportId(SandboxData.WildberriesAccount account, int week) {
        return 307_400_000L + SandboxData.WB_ACCOUNTS.indexOf(account) * 1000L + week;
    }

    static void loadInto(WildberriesFinance finance) {
        for (SandboxData.WildberriesAccount account : SandboxData.WB_ACCOUNTS) {
            Random random = new Random(31L * (SandboxData.WB_ACCOUNTS.indexOf(account) + 1));
            for (int week = 0; week < WEEKS; week++) {
                LocalDate from = FIRST_WEEK.plusWeeks(week);
                long reportId = reportId(account, week);
                finance.addReport(account.token(), reportId, from, from.plusDays(6), from.plusDays(7),
                        rows(reportId, from, week, random));
            }
        }
    }

    private static List<WildberriesFinance.Row> rows(long reportId, LocalDate monday, int week, Random random) {
        List<WildberriesFinance.Row> rows = new ArrayList<>();
        long rrdId = reportId * 1000;
        List<SandboxData.WildberriesCard> cards = SandboxData.WB_CARDS.stream()
                .filter(SandboxData.WildberriesCard::mapped).toList();
        for (SandboxData.WildberriesCard card : cards) {
            int sales = 1 + random.nextInt(3);
            for (int i = 0; i < sales; i++) {
                LocalDate day = monday.plusDays(random.nextInt(7));
                rows.add(goods(++rrdId, true, card, day));
                WildberriesFinance.Row logistics = fee(++rrdId, "Логистика",
                        new BigDecimal(45 + random.nextInt(40) + ".50"), card, day);
                rows.add(i == 0 ? logistics.with("rebillLogisticCost", new BigDecimal("12.40")) : logistics);
            }
        }
        for (int i = 0; i < 2; i++) {
            SandboxData.WildberriesCard card = cards.get(random.nextInt(cards.size()));
            LocalDate day = monday.plusDays(3 + i);
            rows.add(goods(++rrdId, false, card, day));
            rows.add(fee(++rrdId, "Логистика", new BigDecimal("33.00"), card, day));
        }
        SandboxData.WildberriesCard any = cards.get(0);
        rows.add(fee(++rrdId, "Хранение", new BigDecimal(100 + week * 7 + ".35"), any, monday.plusDays(6)));
        rows.add(fee(++rrdId, "Платная приемка", new BigDecimal("300.00"), any, monday.plusDays(1)));
        if (week % 2 == 1) {
            rows.add(fee(++rrdId, "Штраф", new BigDecimal("500.00"), any, monday.plusDays(2))
                    .with("paidAcceptance", new BigDecimal("75.00")));
        }
        if (week >= 2) {
            rows.add(fee(++rrdId, "Удержание", new BigDecimal("150.00"), any, monday.plusDays(4))
                    .withBonusType("Оказание услуг «ВБ.Продвижение», документ № " + (reportId % 100_000 + 48_000)));
        }
        return rows;
    }

    private static WildberriesFinance.Row goods(long rrdId, boolean sale, SandboxData.WildberriesCard card,
                                                LocalDate day) {
        BigDecimal price = card.item().price().multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal forPay = price.multiply(FOR_PAY_SHARE).setScale(2, RoundingMode.HALF_UP);
        return WildberriesFinance.Row.goods(rrdId, sale, card.nmId(), card.vendorCode(), card.barcode(),
                techSize(card), card.item().name(), 1, price, forPay, day);
    }

    private static WildberriesFinance.Row fee(long rrdId, String name, BigDecimal amount,
                                              SandboxData.WildberriesCard card, LocalDate day) {
        return WildberriesFinance.Row.fee(rrdId, name, amount, card.nmId(), card.vendorCode(), card.barcode(), day);
    }

    static String techSize(SandboxData.WildberriesCard card) {
        return card.item().characteristicName() == null ? "0" : card.item().characteristicName().replace("Размер ", "");
    }
}
