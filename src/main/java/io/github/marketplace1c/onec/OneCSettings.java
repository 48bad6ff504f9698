package io.github.marketplace1c.onec;

import java.time.ZoneId;

/**
 * Settings of the seller's 1C base that documents need beyond the account's references.
 *
 * @param timeZone        1C stores dates as the server's wall-clock time: marketplace UTC times are converted to it
 * @param currencyRef     the ruble in Catalog_Валюты (optional)
 * @param postOrders      post order documents after creating them
 * @param utOrderOperation УТ/КА ХозяйственнаяОперация of a marketplace order
 * @param utOrderStatus   УТ/КА Статус of a new order
 * @param utCancelReasonRef УТ/КА Catalog_ПричиныОтменыЗаказовКлиентов item for cancelled lines (optional)
 * @param unfCompletedStateRef УНФ Catalog_СостоянияЗаказовПокупателей item "Завершен" (optional)
 * @param unfCancelledVariant УНФ ВариантЗавершения value of a cancelled order
 */
public record OneCSettings(ZoneId timeZone, String currencyRef, boolean postOrders, String utOrderOperation,
                           String utOrderStatus, String utCancelReasonRef, String unfCompletedStateRef,
                           String unfCancelledVariant) {
}
