package io.github.marketplace1c.catalog;

/** What a suggestion rests on, strongest first. */
public enum Evidence {
    /** The product's barcode is registered in 1C for this item (exact when for this item only). */
    BARCODE,
    /** The seller's article matches the 1C article after normalization (exact when it matches this item only). */
    ARTICLE,
    /** The names share words (never exact: a person checks it). */
    NAME
}
