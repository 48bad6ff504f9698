package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The asynchronous finance reports: {@code POST v2/reports/goods-realization/generate},
 * {@code POST v2/reports/united-marketplace-services/generate} and {@code GET v2/reports/info/{reportId}}, with the
 * request checks of the spec and the generation limit it documents (one generation per 2 minutes per report type
 * at the {@code none} tier, answered with 420 and X-RateLimit-Resource-Until). The file link points back at the
 * emulator on loopback.
 */
final class ReportEndpoints {

    /** {@code x-resource-limit-config} of both generate methods, tier {@code none}: 1 per 2 minutes. */
    static final Duration DEFAULT_GENERATION_INTERVAL = Duration.ofMinutes(2);
    static final String FILES_PATH = "/__sandbox/report-files/";

    /** What a generate refused for the limit needs to answer: the message and until when. */
    static final class GenerationLimited extends RuntimeException {
        final Instant until;
        final YmApiException error;

        GenerationLimited(YmApiException error, Instant until) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.until = until;
        }
    }

    private final YandexMarketReports reports;
    private final Clock clock;
    private final Map<String, Instant> lastGeneration = new ConcurrentHashMap<>();
    private volatile Duration generationInterval = DEFAULT_GENERATION_INTERVAL;

    ReportEndpoints(YandexMarketReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    void generationInterval(Duration interval) {
        this.generationInterval = interval;
    }

    Duration generationInterval() {
        return generationInterval;
    }

    /** {@code campaignId}, {@code year}, {@code month} (all required); the key must own the campaign. */
    ObjectNode generateRealization(long business, Set<Long> campaigns, String format, JsonNode body) {
        checkFormat(format);
        long campaignId = requiredLong(body, "campaignId");
        int year = (int) requiredLong(body, "year");
        int month = (int) requiredLong(body, "month");
        if (campaignId < 1) {
            throw YmApiException.badRequest("campaignId must be positive");
        }
        if (month < 1 || month > 12) {
            throw YmApiException.badRequest("month must be from 1 to 12");
        }
        if (!campaigns.contains(campaignId)) {
            throw YmApiException.forbidden("Access denied: the Api-Key has no access to campaignId " + campaignId);
        }
        limit(business, YandexMarketReports.Type.GOODS_REALIZATION);
        return started(reports.generateRealization(business, campaignId, YearMonth.of(year, month), clock.instant()));
    }

    /**
     * {@code businessId} and either {@code dateFrom}/{@code dateTo} (accrual dates) or the act months
     * {@code yearFrom}/{@code monthFrom}/{@code yearTo}/{@code monthTo}, not both; at most three months. The
     * emulator's data is by act month, so a date range takes the act months it touches.
     */
    ObjectNode generateServices(long business, Set<Long> campaigns, String format, JsonNode body) {
        checkFormat(format);
        long businessId = requiredLong(body, "businessId");
        if (businessId != business) {
            throw YmApiException.forbidden("Access denied: the Api-Key has no access to businessId " + businessId);
        }
        boolean byDates = body.hasNonNull("dateFrom") || body.hasNonNull("dateTo");
        boolean byMonths = body.hasNonNull("yearFrom") || body.hasNonNull("monthFrom")
                || body.hasNonNull("yearTo") || body.hasNonNull("monthTo");
        if (byDates == byMonths) {
            throw YmApiException.badRequest("Specify either dateFrom and dateTo or yearFrom, monthFrom, yearTo and"
                    + " monthTo");
        }
        YearMonth from;
        YearMonth to;
        try {
            if (byDates) {
                from = YearMonth.from(java.time.LocalDate.parse(requiredText(body, "dateFrom")));
                to = YearMonth.from(java.time.LocalDate.parse(requiredText(body, "dateTo")));
            } else {
                from = YearMonth.of((int) requiredLong(body, "yearFrom"), (int) requiredLong(body, "monthFrom"));
                to = YearMonth.of((int) requiredLong(body, "yearTo"), (int) requiredLong(body, "monthTo"));
            }
        } catch (java.time.DateTimeException e) {
            throw YmApiException.badRequest("Invalid period: " + e.getMessage());
        }
        if (to.isBefore(from) || from.plusMonths(2).isBefore(to)) {
            throw YmApiException.badRequest("The period must be from 1 day to 3 months");
        }
        List<Long> campaignIds = new ArrayList<>();
        body.path("campaignIds").forEach(c -> campaignIds.add(c.asLong()));
        for (Long c : campaignIds) {
            if (!campaigns.contains(c)) {
                throw YmApiException.forbidden("Access denied: the Api-Key has no access to campaignId " + c);
            }
        }
        limit(business, YandexMarketReports.Type.UNITED_MARKETPLACE_SERVICES);
        return started(reports.generateServices(business, from, to, campaignIds, clock.instant()));
    }

    /**
     * The job's status: PENDING on the first look, PROCESSING until it has been asked about
     * {@code pollsUntilDone} times, then DONE with a fresh link (valid 60 minutes) — or DONE with
     * {@code subStatus} NO_DATA and no file when the period had nothing. Another business's report is a 404.
     */
    ObjectNode info(long business, String reportId, String baseUrl) {
        YandexMarketReports.Job job = reports.job(reportId).filter(j -> j.businessId() == business)
                .orElseThrow(() -> new YmApiException(404, "NOT_FOUND", "Report " + reportId + " not found"));
        int seen = job.polls().getAndIncrement();
        ObjectNode answer = YmJson.object();
        answer.put("status", "OK");
        ObjectNode result = answer.putObject("result");
        result.put("generationRequestedAt", YmJson.dateTime(job.requestedAt()));
        if (seen < reports.pollsUntilDone()) {
            result.put("status", seen == 0 ? "PENDING" : "PROCESSING");
            result.put("estimatedGenerationTime", YandexMarketReports.ESTIMATED_GENERATION_MILLIS);
            return answer;
        }
        result.put("status", "DONE");
        result.put("generationFinishedAt", YmJson.dateTime(job.requestedAt()
                .plusMillis(YandexMarketReports.ESTIMATED_GENERATION_MILLIS)));
        if (job.file() == null) {
            result.put("subStatus", "NO_DATA");
        } else {
            result.put("file", baseUrl + FILES_PATH + reports.link(job, clock.instant()) + ".zip");
        }
        return answer;
    }

    private void limit(long business, YandexMarketReports.Type type) {
        Duration interval = generationInterval;
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        String key = business + "/" + type;
        Instant now = clock.instant();
        Instant last = lastGeneration.get(key);
        if (last != null && now.isBefore(last.plus(interval))) {
            throw new GenerationLimited(YmApiException.limited("Hit rate limit of 1 requests per "
                    + interval.toMinutes() + " minutes for resource /v2/reports/" + type.path() + "/generate for"
                    + " businessId " + business), last.plus(interval));
        }
        lastGeneration.put(key, now);
    }

    private static ObjectNode started(YandexMarketReports.Job job) {
        ObjectNode answer = YmJson.object();
        answer.put("status", "OK");
        ObjectNode result = answer.putObject("result");
        result.put("reportId", job.reportId());
        result.put("estimatedGenerationTime", YandexMarketReports.ESTIMATED_GENERATION_MILLIS);
        return answer;
    }

    /**
     * The spec's enum is FILE (XLSX, the default), CSV, JSON; the emulator makes JSON files only (a ZIP archive of
     * one JSON file per sheet, as {@code ReportFormatType} says).
     */
    private static void checkFormat(String format) {
        if (format != null && !Set.of("FILE", "CSV", "JSON").contains(format)) {
            throw YmApiException.badRequest("Invalid format: " + format);
        }
        if (!"JSON".equals(format)) {
            throw YmApiException.badRequest("The sandbox emulator generates format=JSON reports only");
        }
    }

    private static long requiredLong(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw YmApiException.badRequest(field + " is required");
        }
        if (!node.isIntegralNumber()) {
            throw YmApiException.badRequest(field + " must be an integer");
        }
        return node.asLong();
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw YmApiException.badRequest(field + " is required (YYYY-MM-DD)");
        }
        return node.asText();
    }
}
