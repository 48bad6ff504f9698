package io.github.marketplace1c.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.marketplace1c.account.Account;
import io.github.marketplace1c.deadletter.DeadLetter;
import io.github.marketplace1c.deadletter.DeadLetters;
import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;
import io.github.marketplace1c.failure.TransientFailure;
import io.github.marketplace1c.failure.UnmappedServiceException;
import io.github.marketplace1c.flow.FlowProperties;
import io.github.marketplace1c.journal.Journal;
import io.github.marketplace1c.journal.RecordClaims;
import io.github.marketplace1c.mapping.MappingRow;
import io.github.marketplace1c.mapping.MappingTable;
import io.github.marketplace1c.mapping.UnmappedProductException;
import io.github.marketplace1c.onec.ReportDocumentProfile;
import io.github.marketplace1c.onec.ReportDocuments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The steps of one marketplace's sales-report or services flow, as routes/shared/sales-report.camel.yaml and
 * services.camel.yaml call them: list the account's reports since its first report day, and for each report screen it
 * (go-live, already loaded with the same totals), read it streaming into an aggregate, map its products or services,
 * reconcile it with the marketplace's totals, and write its one 1C document. A report that cannot be loaded whole
 * (unmapped product or service, totals that do not match) writes nothing and becomes a dead letter that a replay, or
 * the missing mapping, loads whole.
 *
 * <p>The first report day of an account is its {@code settings.reportsFrom}, else its go-live date: reports whose
 * period starts earlier are skipped with that reason (the accountant closed those months without the integration).
 */
public class ReportFlow {

    public static final String REPORT = "mp1cReport";
    private static final String FROM = "mp1cReportsFrom";
    private static final String AGGREGATE = "mp1cReportAggregate";

    private final ReportSource source;
    private final ReportKind kind;
    private final ReportDocuments documents;
    private final MappingTable products;
    private final MappingTable services;
    private final ReportJournal reports;
    private final Journal journal;
    private final RecordClaims claims;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final BigDecimal tolerancePerRow;
    private final int lookBackDays;

    public ReportFlow(ReportSource source, ReportKind kind, ReportDocuments documents, MappingTable products,
                      MappingTable services, ReportJournal reports, Journal journal, RecordClaims claims,
                      DeadLetters deadLetters, ObjectMapper json, Clock clock, ZoneId zone, BigDecimal tolerancePerRow,
                      int lookBackDays) {
        this.source = source;
        this.kind = kind;
        this.documents = documents;
        this.products = products;
        this.services = services;
        this.reports = reports;
        this.journal = journal;
        this.claims = claims;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.tolerancePerRow = tolerancePerRow;
        this.lookBackDays = lookBackDays;
    }

    /** {@code sales-report} or {@code services}. */
    public String flow() {
        return kind == ReportKind.SALES ? "sales-report" : "services";
    }

    public ReportSource source() {
        return source;
    }

    /** Body: the account. Opens a run; the body becomes the reports to load. */
    public List<ReportRef> startRun(Exchange exchange) {
        Account account = exchange.getIn().getBody(Account.class);
        open(exchange, account);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_POLL);
        exchange.setProperty(FlowProperties.RECORD_KEY, "poll");
        exchange.setProperty(FlowProperties.REPLAY_TARGET, source.marketplace() + "-" + flow() + "-account");
        exchange.setProperty(FlowProperties.PAYLOAD, "{\"account\":\"" + account.id() + "\"}");
        String trigger = exchange.getProperty(FlowProperties.TRIGGER, "schedule", String.class);
        // a redelivery (the marketplace's list failed and is retried) goes on with the run it opened: one run per
        // account's poll, not a RUNNING one left behind for every retry
        Long opened = exchange.getProperty(FlowProperties.RUN_ID, Long.class);
        boolean retried = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0;
        long runId = opened != null && retried ? opened : journal.startRun(source.marketplace(), flow(), account.id(),
                trigger);
        exchange.setProperty(FlowProperties.RUN_ID, runId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = firstDay(account, today);
        List<ReportRef> found = source.list(account, kind, from, today);
        journal.fetched(runId, found.size());
        exchange.getIn().setBody(found);
        return found;
    }

    /** The first day whose reports are loaded: settings.reportsFrom, else the go-live date, else a look-back. */
    LocalDate firstDay(Account account, LocalDate today) {
        String reportsFrom = account.setting("reportsFrom", null);
        if (reportsFrom != null) {
            try {
                return LocalDate.parse(reportsFrom.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new PermanentFailure(ReasonCode.CONFIGURATION, "Account " + account.id()
                        + ": settings.reportsFrom '" + reportsFrom + "' is not a date (2026-10-01)");
            }
        }
        return account.goLiveDate() != null ? account.goLiveDate() : today.minusDays(lookBackDays);
    }

    /** Body: one report (a ReportRef, or its JSON from a dead letter). Names it for the journal and dead letters. */
    public void beginReport(Exchange exchange) throws Exception {
        Object body = exchange.getIn().getBody();
        ReportRef report = body instanceof ReportRef r ? r : json.readValue(exchange.getIn().getBody(String.class),
                ReportRef.class);
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        open(exchange, account);
        exchange.setProperty(REPORT, report);
        exchange.setProperty(FlowProperties.STAGE, FlowProperties.STAGE_RECORD);
        exchange.setProperty(FlowProperties.RECORD_KEY, report.recordKey());
        exchange.setProperty(FlowProperties.PAYLOAD, json.writeValueAsString(report));
        exchange.setProperty(FlowProperties.REPLAY_TARGET, source.marketplace() + "-" + flow() + "-report");
        exchange.removeProperty(FlowProperties.SKIP_REASON);
        exchange.removeProperty(FlowProperties.CLAIM_KEY);
        exchange.removeProperty(FlowProperties.OUTCOME);
        exchange.removeProperty(AGGREGATE);
    }

    /** Decides whether the report is loaded; sets the skip reason when it is not, and claims it when it is. */
    public void screen(Exchange exchange) {
        ReportRef report = exchange.getProperty(REPORT, ReportRef.class);
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        LocalDate from = firstDay(account, LocalDate.now(clock.withZone(zone)));
        if (report.periodStart() != null && report.periodStart().isBefore(from)) {
            skip(exchange, "period " + report.periodStart() + " - " + report.periodEnd() + " starts before the "
                    + "account's first report day " + from + " (settings.reportsFrom or goLiveDate)");
            return;
        }
        String fingerprint = ReportJournal.fingerprint(report);
        boolean replay = exchange.getProperty(FlowProperties.REPLAY_OF) != null;
        if (!replay && reports.loadedFingerprint(report).filter(fingerprint::equals).isPresent()) {
            skip(exchange, "already loaded into 1C with these totals");
            return;
        }
        String claimKey = report.recordKey() + "@" + Integer.toHexString(fingerprint.hashCode());
        exchange.setProperty(FlowProperties.CLAIM_KEY, claimKey);
        RecordClaims.Claim claim = claims.claim(flow(), account.id(), claimKey);
        if (claim == RecordClaims.Claim.ALREADY_DONE && replay) {
            // a replay loads the report again whatever it found: take the claim afresh
            claims.forget(flow(), account.id(), claimKey);
            claim = claims.claim(flow(), account.id(), claimKey);
        }
        switch (claim) {
            case CLAIMED -> { }
            case ALREADY_DONE -> {
                exchange.removeProperty(FlowProperties.CLAIM_KEY);
                skip(exchange, "already loaded into 1C with these totals");
            }
            case BUSY_ELSEWHERE -> {
                exchange.removeProperty(FlowProperties.CLAIM_KEY);
                throw new TransientFailure(ReasonCode.CLAIMED_ELSEWHERE, "Account " + account.id() + ", "
                        + source.marketplace() + " report " + report.reportId() + " is being loaded by another run "
                        + "(or one that stopped: its claim is released within a minute of its instance going); "
                        + "replay it later");
            }
        }
    }

    /**
     * Reads the report from the marketplace into an aggregate, maps it, reconciles it and writes its 1C document.
     * Nothing is written unless all of it can be.
     */
    public void load(Exchange exchange) {
        ReportRef report = exchange.getProperty(REPORT, ReportRef.class);
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        ReportAggregate read = new ReportAggregate(kind);
        source.read(account, report, read);
        exchange.setProperty(AGGREGATE, read);
        String what = "Account " + account.id() + ", " + source.marketplace() + " report " + report.number()
                + " (" + report.periodStart() + " - " + report.periodEnd() + ")";
        Reconciliation.Result reconciliation = Reconciliation.check(read, report.totals(), tolerancePerRow);
        if (read.rowsLoaded() == 0 && reconciliation.matches()) {
            // nothing of this kind in the report (a week without sales, a report without fees): no empty document
            claims.done(flow(), account.id(), exchange.getProperty(FlowProperties.CLAIM_KEY, String.class), null);
            reports.record(report, ReportJournal.SKIPPED, read, reconciliation, null, null,
                    "nothing to load: no " + (kind == ReportKind.SALES ? "sales or returns" : "fees") + " in the report");
            skip(exchange, "no " + (kind == ReportKind.SALES ? "sales or returns" : "fees") + " in the report ("
                    + read.rowsRead() + " rows read)");
            return;
        }
        ReportDocuments.Outcome outcome;
        if (kind == ReportKind.SALES) {
            List<ReportDocumentProfile.ResolvedLine> lines = resolveProducts(account, report, read, what);
            checkReconciliation(report, read, reconciliation, what);
            outcome = documents.writeSales(account, report, read, lines);
        } else {
            List<ReportDocumentProfile.ResolvedService> charges = resolveServices(account, report, read, what);
            checkReconciliation(report, read, reconciliation, what);
            outcome = documents.writeServices(account, report, read, charges);
        }
        reports.record(report, ReportJournal.LOADED, read, reconciliation, outcome.ref(), outcome.number(),
                (outcome.action() == ReportDocuments.Action.CREATED ? "created " : "updated ")
                        + documents.entitySet(kind) + " " + outcome.number() + "; " + reconciliation.describe());
        exchange.setProperty(FlowProperties.ONEC_OUTCOME, outcome);
    }

    private List<ReportDocumentProfile.ResolvedLine> resolveProducts(Account account, ReportRef report,
                                                                     ReportAggregate read, String what) {
        List<ReportDocumentProfile.ResolvedLine> resolved = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        read.lines().forEach(line -> keys.add(line.productKey));
        java.util.Map<String, MappingRow> mapped = products.resolveAll(source.marketplace(), account.id(), keys);
        for (ReportAggregate.ProductLine line : read.lines()) {
            Optional<MappingRow> row = Optional.ofNullable(mapped.get(line.productKey));
            if (row.isEmpty()) {
                if (!missing.contains(line.productKey)) {
                    missing.add(line.productKey);
                }
            } else {
                resolved.add(new ReportDocumentProfile.ResolvedLine(line, row.get().ref(), row.get().characteristicRef()));
            }
        }
        if (!missing.isEmpty()) {
            reports.record(report, ReportJournal.WAITING_FOR_MAPPING, read, null, null, null,
                    "unmapped products: " + first(missing));
            throw new UnmappedProductException(what + ": " + missing.size() + " product(s) have no row in the product "
                    + "map: " + first(missing) + ". Nothing was written to 1C; add the mappings and the report loads "
                    + "whole.", missing.subList(0, Math.min(missing.size(), 100)));
        }
        return resolved;
    }

    private List<ReportDocumentProfile.ResolvedService> resolveServices(Account account, ReportRef report,
                                                                        ReportAggregate read, String what) {
        // several codes may map to one 1C service: one row per mapped service kind
        java.util.Map<String, ReportDocumentProfile.ResolvedService> byService = new java.util.LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        // the report waits for the key or its fallback: a row for either replays it
        List<String> waitFor = new ArrayList<>();
        for (ReportAggregate.ServiceLine charge : read.services()) {
            Optional<MappingRow> row = services.resolve(source.marketplace(), account.id(), charge.key);
            if (row.isEmpty() && charge.name != null && !charge.name.equals(charge.key)) {
                row = services.resolve(source.marketplace(), account.id(), charge.name);
            }
            if (row.isEmpty()) {
                missing.add(charge.key);
                waitFor.add(charge.key);
                if (charge.name != null && !charge.name.equals(charge.key)) {
                    waitFor.add(charge.name);
                }
                continue;
            }
            MappingRow mapped = row.get();
            String content = mapped.name() != null && !mapped.name().isBlank() ? mapped.name() : charge.name;
            String group = mapped.ref() + "|" + mapped.characteristicRef() + "|" + content;
            ReportDocumentProfile.ResolvedService existing = byService.get(group);
            if (existing == null) {
                byService.put(group, new ReportDocumentProfile.ResolvedService(copy(charge, content), mapped.ref(),
                        mapped.characteristicRef(), content));
            } else {
                existing.service().amount = existing.service().amount.add(charge.amount);
                existing.service().rows += charge.rows;
            }
        }
        if (!missing.isEmpty()) {
            reports.record(report, ReportJournal.WAITING_FOR_MAPPING, read, null, null, null,
                    "unmapped services: " + first(missing));
            throw new UnmappedServiceException(what + ": " + missing.size() + " service kind(s) have no row in the "
                    + "service map: " + first(missing) + ". Nothing was written to 1C; add them (PUT "
                    + "/api/mappings/services) and the report loads whole.", waitFor);
        }
        return new ArrayList<>(byService.values());
    }

    private static ReportAggregate.ServiceLine copy(ReportAggregate.ServiceLine charge, String content) {
        ReportAggregate.ServiceLine line = new ReportAggregate.ServiceLine(charge.key, charge.code, content);
        line.amount = charge.amount;
        line.rows = charge.rows;
        return line;
    }

    private void checkReconciliation(ReportRef report, ReportAggregate read, Reconciliation.Result result,
                                     String what) {
        if (!result.matches()) {
            reports.record(report, ReportJournal.MISMATCH, read, result, null, null, result.describe());
            throw new PermanentFailure(ReasonCode.RECONCILIATION_MISMATCH, what + " does not add up to the "
                    + "marketplace's totals: " + result.describe() + ". Nothing was written to 1C.");
        }
    }

    public void done(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        ReportRef report = exchange.getProperty(REPORT, ReportRef.class);
        ReportDocuments.Outcome outcome = exchange.getProperty(FlowProperties.ONEC_OUTCOME, ReportDocuments.Outcome.class);
        ReportAggregate read = exchange.getProperty(AGGREGATE, ReportAggregate.class);
        claims.done(flow(), account.id(), exchange.getProperty(FlowProperties.CLAIM_KEY, String.class), outcome.ref());
        String message = (outcome.action() == ReportDocuments.Action.CREATED ? "created " : "updated ")
                + documents.entitySet(kind) + (outcome.posted() ? " (posted)" : "") + ": " + read.rowsRead()
                + " rows, " + (kind == ReportKind.SALES ? read.lineCount() + " lines" : read.serviceCount()
                + " service kinds") + (read.rowsSkipped() > 0 ? ", " + read.rowsSkipped() + " rows of other kinds" : "");
        journal.record(exchange.getProperty(FlowProperties.RUN_ID, Long.class), source.marketplace(), flow(),
                account.id(), report.recordKey(), Journal.Outcome.DONE, outcome.action().name(), message,
                outcome.ref(), outcome.number());
        boolean replay = exchange.getProperty(FlowProperties.REPLAY_OF) != null;
        deadLetters.resolveOpen(flow(), account.id(), report.recordKey(),
                replay ? DeadLetter.REPLAYED : DeadLetter.RESOLVED, replay ? "replay" : "poll");
        exchange.setProperty(FlowProperties.OUTCOME, Journal.Outcome.DONE.name());
    }

    public void skipped(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        ReportRef report = exchange.getProperty(REPORT, ReportRef.class);
        String reason = exchange.getProperty(FlowProperties.SKIP_REASON, String.class);
        String claimKey = exchange.getProperty(FlowProperties.CLAIM_KEY, String.class);
        if (claimKey != null) {
            claims.done(flow(), account.id(), claimKey, null);
        }
        journal.record(exchange.getProperty(FlowProperties.RUN_ID, Long.class), source.marketplace(), flow(),
                account.id(), report.recordKey(), Journal.Outcome.SKIPPED, "SKIPPED", reason, null, null);
        if (reports.loadedFingerprint(report).isEmpty() && exchange.getProperty(AGGREGATE) == null) {
            reports.record(report, ReportJournal.SKIPPED, null, null, null, null, reason);
        }
        deadLetters.resolveOpen(flow(), account.id(), report.recordKey(), DeadLetter.RESOLVED, "skipped: " + reason);
        exchange.setProperty(FlowProperties.OUTCOME, Journal.Outcome.SKIPPED.name());
    }

    /** Closes the run. */
    public Journal.RunSummary finishRun(Exchange exchange) {
        Account account = exchange.getProperty(FlowProperties.ACCOUNT, Account.class);
        deadLetters.resolveOpen(flow(), account.id(), "poll", DeadLetter.RESOLVED, "poll");
        Journal.RunSummary summary = journal.finishRun(exchange.getProperty(FlowProperties.RUN_ID, Long.class), null);
        exchange.getIn().setBody(summary);
        return summary;
    }

    private void open(Exchange exchange, Account account) {
        exchange.setProperty(FlowProperties.ACCOUNT, account);
        exchange.setProperty(FlowProperties.MARKETPLACE, source.marketplace());
        exchange.setProperty(FlowProperties.FLOW, flow());
    }

    private static void skip(Exchange exchange, String reason) {
        exchange.setProperty(FlowProperties.SKIP_REASON, reason);
    }

    private static String first(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(keys.size(), 20))) + (keys.size() > 20 ? ", ..." : "");
    }
}
