package io.github.marketplace1c.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One fee the marketplace charged (logistics, storage, a fine, paid acceptance, ...). The service map turns
 * {@link #code()} (or, when there is no row for the code, {@link #name()}) into a 1C service and expense item; the
 * flow adds charges up per mapped service kind while it streams.
 *
 * @param code       the marketplace's code of the service kind (Ozon accrual type id; Wildberries has none and uses
 *                   sellerOperName, the same as the name)
 * @param name       the marketplace's name of the service kind (Логистика, Хранение, ...)
 * @param amount     the charge in roubles, positive for a charge, negative for a refund of a charge
 * @param date       the day charged; may be null
 * @param productKey the product the charge is for, when the marketplace says; may be null (not used for mapping)
 */
public record ServiceCharge(String code, String name, BigDecimal amount, LocalDate date, String productKey) {
}
