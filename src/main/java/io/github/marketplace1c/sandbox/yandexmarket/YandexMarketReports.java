package io.github.marketplace1c.sandbox.yandexmarket;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * A report file is what {@code ReportFormatType} says {@code format=JSON} gives: a <b>ZIP archive with one JSON
 * file per sheet</b>, named by the sheet's file name the documentation lists ({@code delivered.json},
 * {@code returned.json}, ... ; {@code placement.json}, {@code loyalty_and_reviews.json}, {@code boost.json}, ...),
 * each {@code {"rows": [...]}} with the documented JSON column names. The file names are the documentation's; the
 * {@code rows} wrapper is what public clients of the live API read (see
 * {@code src/test/resources/recorded/yandex-market-reports/README.md}). {@link #fileFormat} makes the other shapes
 * a client must survive: bare arrays, the plain JSON this emulator served before, a damaged archive.
 */
public final class YandexMarketReports {

    /** How generated files are made (tests of what a client must read or refuse). */
    public enum FileFormat {
        /** The ZIP archive, one {@code <sheet>.json} per sheet holding {@code {"rows": [...]}} (default). */
        ZIP,
        /** The ZIP archive with each sheet file a bare JSON array of rows. */
        ZIP_BARE_ARRAYS,
        /** Not a ZIP: one JSON object whose keys are the sheets (what this emulator served before). */
        PLAIN_JSON,
        /** A ZIP archive damaged in the middle of its first sheet's data. */
        DAMAGED_ZIP
    }

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
    private volatile FileFormat fileFormat = FileFormat.ZIP;

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

    /** How the files of jobs generated from now on are made. */
    public void fileFormat(FileFormat format) {
        this.fileFormat = format;
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
            Map<String, List<ObjectNode>> selected = new LinkedHashMap<>();
            sheets.forEach((name, rows) -> {
                synchronized (rows) {
                    selected.put(name, rows.stream().filter(r -> campaignIds == null || campaignIds.isEmpty()
                            || campaignIds.contains(r.path("partnerId").asLong())).map(ObjectNode::deepCopy).toList());
                }
            });
            file = writeFile(selected, fileFormat);
        }
        String reportId = type.path().replace("-", "_") + "_" + UUID.randomUUID().toString().replace("-", "");
        Job job = new Job(reportId, businessId, type, now, file, new AtomicInteger());
        jobs.put(reportId, job);
        return job;
    }

    /** The file of a job: the sheets as the format says, the archive streamed out entry by entry. */
    static byte[] writeFile(Map<String, List<ObjectNode>> sheets, FileFormat format) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            if (format == FileFormat.PLAIN_JSON) {
                YmJson.MAPPER.writeValue(bytes, sheets);
                return bytes.toByteArray();
            }
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                for (Map.Entry<String, List<ObjectNode>> sheet : sheets.entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(sheet.getKey() + ".json"));
                    com.fasterxml.jackson.core.JsonGenerator out = YmJson.MAPPER.getFactory().createGenerator(zip)
                            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    if (format == FileFormat.ZIP_BARE_ARRAYS) {
                        YmJson.MAPPER.writeValue(out, sheet.getValue());
                    } else {
                        YmJson.MAPPER.writeValue(out, Map.of("rows", sheet.getValue()));
                    }
                    out.close(); // flushes into the entry; the archive stays open
                    zip.closeEntry();
                }
            }
            byte[] file = bytes.toByteArray();
            if (format == FileFormat.DAMAGED_ZIP) {
                // past the first entry's local header (30 bytes + its name): the deflated data of the first sheet
                int from = 30 + sheets.keySet().iterator().next().length() + ".json".length() + 2;
                for (int i = from; i < Math.min(file.length, from + 24); i++) {
                    file[i] = (byte) ~file[i];
                }
            }
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
