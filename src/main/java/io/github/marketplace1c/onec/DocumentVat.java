package io.github.marketplace1c.onec;

import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import java.util.Collection;
import java.util.Map;

/**
 * The VAT rates of one document's items as 1C gives them ({@link VatRates}): each nomenclature's rate, or the one
 * rate the organization's regime puts on every line.
 *
 * @param byNomenclature the rate of each item of the document, by its Ref_Key
 */
public record DocumentVat(Map<String, VatRate> byNomenclature) {

    /** The key of the rate for a row without an item (a service the service map names no nomenclature for). */
    public static final String NO_ITEM = "";

    public VatRate of(String nomenclatureRef) {
        VatRate rate = byNomenclature.get(nomenclatureRef);
        if (rate == null) {
            // VatRates reads a rate for every item it is given: a missing one is our defect, not the seller's data
            throw new PermanentFailure(ReasonCode.UNEXPECTED_ERROR, "no VAT rate was read for the item "
                    + nomenclatureRef);
        }
        return rate;
    }

    /** Whether the document's sales are subject to VAT at all (the header's НалогообложениеНДС). */
    public static boolean taxable(Collection<VatRate> rates) {
        return rates.isEmpty() || rates.stream().anyMatch(rate -> !rate.exempt());
    }
}
