package io.github.marketplace1c.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.report.ReportAggregate;
import io.github.marketplace1c.report.ReportKind;
import io.github.marketplace1c.report.ReportRef;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 1C documents of marketplace reports: one per report, kind and account. Every write looks the document up by the
 * marketplace's report number (the incoming number), the organization and the counterparty first; a report loaded
 * again (a correction, a replay, a lost reply) rewrites that document — a posted one is unposted, its header and
 * tabular sections replaced, and posted again — and never makes a second one. Rows carry the VAT rates 1C gives
 * their items ({@link VatRates}) as of the report's last day.
 */
public class ReportDocuments {

    public enum Action { CREATED, UPDATED }

    public record Outcome(Action action, String ref, String number, boolean posted) {
    }

    private final ODataClient odata;
    private final ReportDocumentProfile profile;
    private final ObjectMapper json;
    private final boolean post;
    private final VatRates vat;

    /** @param post post the documents after writing them (mp1c.onec.postReports) */
    public ReportDocuments(ODataClient odata, ReportDocumentProfile profile, ObjectMapper json, boolean post) {
        this(odata, profile, json, post, new VatRates(odata, VatRates.flavorOf(profile), VatRates.DEFAULT_TTL,
                Clock.systemUTC()));
    }

    public ReportDocuments(ODataClient odata, ReportDocumentProfile profile, ObjectMapper json, boolean post,
                           VatRates vat) {
        this.odata = odata;
        this.profile = profile;
        this.json = json;
        this.post = post;
        this.vat = vat;
    }

    public ReportDocumentProfile profile() {
        return profile;
    }

    public Outcome writeSales(Account account, ReportRef report, ReportAggregate totals,
                              List<ReportDocumentProfile.ResolvedLine> lines) {
        LocalDate day = vatDay(report);
        DocumentVat rates = vat.goods(account,
                lines.stream().map(ReportDocumentProfile.ResolvedLine::nomenclatureRef).toList(), day);
        ObjectNode body = profile.salesReport(account, report, totals, lines, rates, vat.general(day), json);
        profile.salesSections().forEach(section -> {
            if (!body.has(section)) {
                body.putArray(section);
            }
        });
        return write(profile.salesEntitySet(), account, report, body);
    }

    public Outcome writeServices(Account account, ReportRef report, ReportAggregate totals,
                                 List<ReportDocumentProfile.ResolvedService> services) {
        LocalDate day = vatDay(report);
        List<String> items = services.stream().map(ReportDocumentProfile.ResolvedService::nomenclatureRef)
                .filter(ref -> ref != null && !ref.isBlank()).distinct().toList();
        Map<String, VatRate> rates = new LinkedHashMap<>(vat.services("Account " + account.id() + ", "
                + report.marketplace() + " report " + report.reportId(), items, day).byNomenclature());
        rates.put(DocumentVat.NO_ITEM, vat.general(day));
        return write(profile.servicesEntitySet(), account, report,
                profile.servicesReceipt(account, report, totals, services, new DocumentVat(rates), json));
    }

    /** The rates of the report's last day (its document's date); today for a report without one. */
    private static LocalDate vatDay(ReportRef report) {
        return report.periodEnd() != null ? report.periodEnd() : LocalDate.now();
    }

    public String entitySet(ReportKind kind) {
        return kind == ReportKind.SALES ? profile.salesEntitySet() : profile.servicesEntitySet();
    }

    private Outcome write(String entitySet, Account account, ReportRef report, ObjectNode body) {
        Optional<JsonNode> existing = find(entitySet, account, report);
        if (existing.isPresent()) {
            String ref = existing.get().path("Ref_Key").asText();
            if (existing.get().path("Posted").asBoolean(false)) {
                // 1C will not change the movements of a posted document in place: take them back first
                odata.unpost(entitySet, ref);
            }
            JsonNode updated = odata.update(entitySet, ref, body);
            if (post) {
                odata.post(entitySet, ref);
            }
            return new Outcome(Action.UPDATED, ref, updated.path("Number").asText(), post);
        }
        JsonNode created = odata.create(entitySet, body);
        String ref = created.path("Ref_Key").asText();
        if (post) {
            odata.post(entitySet, ref);
        }
        return new Outcome(Action.CREATED, ref, created.path("Number").asText(), post);
    }

    public Optional<JsonNode> find(String entitySet, Account account, ReportRef report) {
        String filter = "НомерВходящегоДокумента eq " + ODataClient.literal(report.number())
                + " and Организация_Key eq guid'" + account.onec().organization() + "'"
                + (account.onec().counterparty() == null ? ""
                        : " and Контрагент_Key eq guid'" + account.onec().counterparty() + "'")
                + " and DeletionMark eq false";
        return odata.find(entitySet, filter, 2).stream().findFirst();
    }
}
