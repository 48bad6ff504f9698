package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's asynchronous reports: the data the two finance reports are made of (the realization report per
 * campaign and month, the services report per business and act month, each as named sheets of rows), the
 * generation jobs ({@code reportId} → status after so many polls), and the download links. Thread-safe.
 * <p>
 * A JSON report file is one object whose keys are the sheets' file names the documentation lists
 * ({@code delivered}, {@code returned}, … ; {@code placement}, {@code loyalty_and_reviews}, {@code boost}, …) and
 * whose values are arrays of rows with the documented JSON column names. The documentation gives the sheets and
 * columns but not how a JSON file holds several sheets: this layout is the emulator's reading of it.
 */
public final class YandexMarketReports {

    /** The two report types the finance flows generate, by their path segment. */
    public enum Type {
        GOODS_REALIZATION("goods-realization"),
        UNITED_MARKETPLACE_SERVICES("united-marketplace-services");

        private final String path;

        Type(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** How many {@code reports/info} answers a job spends PENDING/PROCESSING before DONE (default 2). */
    public static final int DEFAULT_POLLS_UNTIL_DONE = 2;
    /** What generate says it will take, in milliseconds. */
    public static final long ESTIMATED_GENERATION_MILLIS = 3_000;
    /** "Ссылка актуальна 60 минут с момента получения ответа". */
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(60);

    /** A generation job: what it is for and the file it made (null when the period had no data). */
    public record Job(String reportId, long businessId, Type type, Instant requestedAt, byte[] file,
                      AtomicInteger polls) {
    }

    private record Link(String reportId, Instant validUntil) {
    }

    private final Map<String, Map<String, List<ObjectNode>>> realization = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<ObjectNode>>> services = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private volatile int pollsUntilDone = DEFAULT_POLLS_UNTIL_DONE;

    private static String key(long id, YearMonth month) {
        return id + "/" + month;
    }

    /** Adds a row to a sheet of a campaign's realization report of a month ({@code delivered}, {@code returned}). */
    public void addRealizationRow(long campaignId, YearMonth month, String sheet, ObjectNode row) {
        sheet(realization, key(campaignId, month), sheet).add(row);
    }

    /** Adds a row to a sheet of a business's services report of an act month. */
    public void addServiceRow(long businessId, YearMonth month, String sheet, ObjectNode row) {
        sheet(services, key(businessId, month), sheet).add(row);
    }

    /** Forgets a campaign's realization data of a month (tests that want an empty month). */
    public void clearRealization(long campaignId, YearMonth month) {
        realization.remove(key(campaignId, month));
    }

    private static List<ObjectNode> sheet(Map<String, Map<String, List<ObjectNode>>> store, String key, String sheet) {
        return store.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(sheet, s -> java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    public void pollsUntilDone(int polls) {
        this.pollsUntilDone = Math.max(0, polls);
    }

    public int pollsUntilDone() {
        return pollsUntilDone;
    }

    /** How many report files were downloaded. */
    public int downloads() {
        return downloads.get();
    }

    /** The generation jobs started so far. */
    public List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    /** Starts a realization report job: the file is made now, from the data as it is now. */
    Job generateRealization(long businessId, long campaignId, YearMonth month, Instant now) {
        return start(businessId, Type.GOODS_REALIZATION, realization.get(key(campaignId, month)), null, now);
    }

    /** Starts a services report job over act months, only rows of the given campaigns when any are given. */
    Job generateServices(long businessId, YearMonth from, YearMonth to, List<Long> campaignIds, Instant now) {
        Map<String, List<ObjectNode>> merged = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, List<ObjectNode>> sheets = services.get(key(businessId, m));
            if (sheets != null) {
                sheets.forEach((name, rows) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(rows));
            }
        }
        return start(businessId, Type.UNITED_MARKETPLACE_SERVICES, merged.isEmpty() ? null : merged, campaignIds, now);
    }

    private Job start(long businessId, Type type, Map<String, List<ObjectNode>> sheets, List<Long> campaignIds,
                      Instant now) {
        byte[] file = null;
        if (sheets != null && !sheets.isEmpty()) {
            ObjectNode json = YmJson.object();
            sheets.forEach((name, rows) -> {
                ArrayNode array = json.putArray(name);
                synchronized (rows) {
                    rows.stream().filter(r -> campaignIds == null || campaignIds.isEmpty()
                            || campaignIds.contains(r.path("partnerId").asLong())).forEach(r -> array.add(r.deepCopy()));
                }
            });
            try {
                file = YmJson.MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        String reportId = type.path().replace("-", "_") + "_" + UUID.randomUUID().toString().replace("-", "");
        Job job = new Job(reportId, businessId, type, now, file, new AtomicInteger());
        jobs.put(reportId, job);
        return job;
    }

    /** Forgets a job, as Market does some time after generating it: {@code reports/info} answers 404. */
    public void forget(String reportId) {
        jobs.remove(reportId);
    }

    Optional<Job> job(String reportId) {
        return Optional.ofNullable(jobs.get(reportId));
    }

    /** A fresh download name for a finished job, valid for {@link #LINK_VALIDITY} from now. */
    String link(Job job, Instant now) {
        String token = UUID.randomUUID().toString().replace("-", "");
        links.put(token, new Link(job.reportId(), now.plus(LINK_VALIDITY)));
        return token;
    }

    /** The file behind a download token, if the link is known and still valid. */
    Optional<byte[]> download(String token, Instant now) {
        Link link = links.get(token);
        if (link == null || now.isAfter(link.validUntil())) {
            return Optional.empty();
        }
        Job job = jobs.get(link.reportId());
        if (job == null || job.file() == null) {
            return Optional.empty();
        }
        downloads.incrementAndGet();
        return Optional.of(job.file());
    }
}
