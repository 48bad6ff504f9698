package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.order.Order;
import io.github.marketplace1c.order.ResolvedOrder;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Customer order documents in 1C. Every write starts by looking the order up by the marketplace's number, so a
 * retry after a lost reply, a replay or a second instance finds the document 1C already saved instead of
 * creating another one. A new order's rows carry the VAT rates 1C gives its items ({@link VatRates}); a line whose
 * marketplace states another rate stops the order ({@code VAT_MISMATCH}) before anything is written.
 */
public class OrderDocuments {

    public enum Action { CREATED, FOUND, CANCELLED, ALREADY_CANCELLED }

    public record Outcome(Action action, String ref, String number, boolean posted) {
    }

    private final ODataClient odata;
    private final OrderDocumentProfile profile;
    private final OneCSettings settings;
    private final ObjectMapper json;
    private final VatRates vat;

    public OrderDocuments(ODataClient odata, OrderDocumentProfile profile, OneCSettings settings, ObjectMapper json) {
        this(odata, profile, settings, json, new VatRates(odata, VatRates.flavorOf(profile), VatRates.DEFAULT_TTL,
                Clock.systemUTC()));
    }

    public OrderDocuments(ODataClient odata, OrderDocumentProfile profile, OneCSettings settings, ObjectMapper json,
                          VatRates vat) {
        this.odata = odata;
        this.profile = profile;
        this.settings = settings;
        this.json = json;
        this.vat = vat;
    }

    public OrderDocumentProfile profile() {
        return profile;
    }

    /** Creates the order unless 1C has it already; posts it when the settings say so. */
    public Outcome createIfAbsent(ResolvedOrder resolved) {
        Optional<JsonNode> existing = find(resolved.order(), resolved.account());
        if (existing.isPresent()) {
            JsonNode doc = existing.get();
            boolean posted = doc.path("Posted").asBoolean(false);
            if (settings.postOrders() && !posted) {
                odata.post(profile.entitySet(), doc.path("Ref_Key").asText());
                posted = true;
            }
            return new Outcome(Action.FOUND, doc.path("Ref_Key").asText(), doc.path("Number").asText(), posted);
        }
        List<String> items = resolved.lines().stream().map(ResolvedOrder.ResolvedLine::nomenclatureRef).toList();
        LocalDate day = resolved.order().createdAt().atZone(settings.timeZone()).toLocalDate();
        DocumentVat rates = vat.goods(resolved.account(), items, day);
        if (!mismatches(resolved, rates).isEmpty()) {
            // the kept rates may be older than a fix in 1C: judge by what 1C says now
            vat.forget(items);
            rates = vat.goods(resolved.account(), items, day);
        }
        checkStatedRates(resolved, rates);
        JsonNode created = odata.create(profile.entitySet(), profile.newOrder(resolved, rates, json));
        String ref = created.path("Ref_Key").asText();
        if (settings.postOrders()) {
            odata.post(profile.entitySet(), ref);
        }
        return new Outcome(Action.CREATED, ref, created.path("Number").asText(), settings.postOrders());
    }

    /** A line whose marketplace states a VAT rate other than 1C's: the order is not written (both rates named). */
    private void checkStatedRates(ResolvedOrder resolved, DocumentVat rates) {
        List<String> mismatches = mismatches(resolved, rates);
        if (!mismatches.isEmpty()) {
            Order order = resolved.order();
            throw new PermanentFailure(ReasonCode.VAT_MISMATCH, "Account " + resolved.account().id() + ", "
                    + order.marketplace() + " order " + order.externalNumber() + ": " + String.join("; ", mismatches)
                    + ". Correct the rate in 1C (the item, or the organization's regime) or at the marketplace, then "
                    + "replay");
        }
    }

    private static List<String> mismatches(ResolvedOrder resolved, DocumentVat rates) {
        List<String> mismatches = new ArrayList<>();
        for (ResolvedOrder.ResolvedLine line : resolved.lines()) {
            Order.StatedVat stated = line.line().statedVat();
            VatRate own = rates.of(line.nomenclatureRef());
            if (stated != null && !own.sameAs(stated.percent())) {
                mismatches.add("line '" + line.line().productKey() + "' (" + line.line().productName()
                        + "): the marketplace states VAT " + stated + ", 1C gives the item " + own
                        + " (Catalog_СтавкиНДС " + own.ref() + ")");
            }
        }
        return mismatches;
    }

    /** Puts the existing order into the cancelled state; empty when 1C has no such order. */
    public Optional<Outcome> cancel(Order order, Account account) {
        Optional<JsonNode> existing = find(order, account);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        JsonNode doc = existing.get();
        String ref = doc.path("Ref_Key").asText();
        if (profile.isCancelled(doc)) {
            boolean posted = doc.path("Posted").asBoolean();
            if (posted) {
                // the cancellation may have been written while its re-post failed: posting again is harmless
                odata.post(profile.entitySet(), ref);
            }
            return Optional.of(new Outcome(Action.ALREADY_CANCELLED, ref, doc.path("Number").asText(), posted));
        }
        JsonNode updated = odata.update(profile.entitySet(), ref, profile.cancellation(doc, order, json));
        boolean posted = updated.path("Posted").asBoolean(false);
        if (posted) {
            // re-post so the cancelled lines release their reserves
            odata.post(profile.entitySet(), ref);
        }
        return Optional.of(new Outcome(Action.CANCELLED, ref, updated.path("Number").asText(), posted));
    }

    public Optional<JsonNode> find(Order order, Account account) {
        String filter = profile.externalNumberField() + " eq "
                + ODataClient.literal(OrderDocumentProfile.externalNumber(order.externalNumber()))
                + " and Организация_Key eq guid'" + account.onec().organization() + "'"
                // numbers of two marketplaces may coincide (WB and YM ids are both bare integers)
                + (account.onec().counterparty() == null ? ""
                        : " and Контрагент_Key eq guid'" + account.onec().counterparty() + "'")
                + " and DeletionMark eq false";
        List<JsonNode> found = odata.find(profile.entitySet(), filter, 2);
        return found.stream().findFirst();
    }
}
