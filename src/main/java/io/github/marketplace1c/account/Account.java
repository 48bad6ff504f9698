package io.github.marketplace1c.account;

import java.time.LocalDate;
import java.util.Map;

/**
 * One marketplace cabinet and what it means in 1C. Credentials are resolved from the environment when the
 * accounts file is read; {@link #toString()} never shows them.
 *
 * @param credentials resolved secrets by name (Ozon: clientId, apiKey; Wildberries: token; Yandex Market: apiKey)
 * @param settings    the account's other, non-secret settings (Yandex Market: businessId, campaignId; Wildberries:
 *                    productKey, groupByCart)
 */
public record Account(String id, String marketplace, String name, boolean enabled, LocalDate goLiveDate,
                      Map<String, String> credentials, OneCReferences onec, Map<String, String> settings) {

    /** The 1C objects every document of this account refers to (GUIDs of the seller's base). */
    public record OneCReferences(String organization, String counterparty, String contract, String partner,
                                 String agreement, String warehouse) {
    }

    public String credential(String name) {
        String value = credentials.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingCredentialException(id, name);
        }
        return value;
    }

    public String setting(String name, String fallback) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A setting the account cannot work without. */
    public String requiredSetting(String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new io.github.marketplace1c.failure.PermanentFailure(
                    io.github.marketplace1c.failure.ReasonCode.CONFIGURATION,
                    "Account " + id + ": settings." + name + " is missing in accounts.yaml");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Account[" + id + " (" + marketplace + ")]";
    }
}
