package io.github.marketplace1c.mapping;

/**
 * One row of a mapping table. Products: {@code key} = marketplace product key (Ozon offer_id), {@code ref} =
 * 1C nomenclature, {@code characteristicRef} = 1C characteristic or null. Warehouses: {@code key} = marketplace
 * warehouse id, {@code ref} = 1C warehouse, no characteristic. {@code accountId} "" applies to every account of
 * the marketplace.
 */
public record MappingRow(String marketplace, String accountId, String key, String ref, String characteristicRef,
                         String name, String note) {

    public MappingRow {
        accountId = accountId == null ? "" : accountId.trim();
    }
}
