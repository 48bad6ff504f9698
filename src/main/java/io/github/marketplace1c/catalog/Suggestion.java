package io.github.marketplace1c.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A suggested pair as the admin API shows it: the marketplace product, the 1C item, and why.
 *
 * @param evidence   barcode, article or name
 * @param exact      true only when the evidence designates this one 1C item (bulk accept takes only these)
 * @param confidence 1.0 unique barcode, 0.9 unique article, 0.6 shared barcode, 0.5 ambiguous article, ≤ 0.7 names
 * @param status     new, accepted or rejected
 */
public record Suggestion(long id, String marketplace, String account, String status, Product product, OneC onec,
                         String evidence, boolean exact, double confidence, String details, Instant createdAt,
                         Instant updatedAt, String actor) {

    public static final String NEW = "new";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    /** The marketplace side. */
    public record Product(String key, String name, String article, List<String> barcodes) {
    }

    /** The 1C side: nomenclature, characteristic (null when none), their names, article, code and barcodes. */
    public record OneC(String nomenclatureRef, String characteristicRef, String name, String characteristic,
                       String article, String code, List<String> barcodes) {
    }
}
