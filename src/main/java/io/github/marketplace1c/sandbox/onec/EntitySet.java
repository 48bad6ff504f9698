package io.github.marketplace1c.sandbox.onec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OData entity set of the emulated base, derived from the metadata file: {@code Document_<Name>},
 * {@code Catalog_<Name>}, or the read-only row set {@code <Owner>_<TS>} of a tabular section.
 */
public final class EntitySet {

    public enum Kind {
        DOCUMENT, CATALOG, TABULAR_SECTION,
        /** The rows of a register's virtual table (Balance, SliceLast): not an entity set of the service document. */
        VIRTUAL_TABLE
    }

    private final String name;
    private final Kind kind;
    private final String metadataName;
    private final String synonym;
    private final Map<String, Property> properties = new LinkedHashMap<>();
    private final Map<String, EntitySet> tabularSections = new LinkedHashMap<>();
    private final EntitySet owner;
    private final String sectionName;
    private final int numberOrCodeLength;

    EntitySet(String name, Kind kind, String metadataName, String synonym, EntitySet owner, String sectionName,
              int numberOrCodeLength) {
        this.name = name;
        this.kind = kind;
        this.metadataName = metadataName;
        this.synonym = synonym;
        this.owner = owner;
        this.sectionName = sectionName;
        this.numberOrCodeLength = numberOrCodeLength;
    }

    void add(Property property) {
        properties.putIfAbsent(property.name(), property);
    }

    void addTabularSection(EntitySet section) {
        tabularSections.put(section.sectionName(), section);
    }

    /** The OData name, e.g. "Document_ЗаказКлиента" or "Document_ЗаказКлиента_Товары". */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The 1C metadata object name, e.g. "ЗаказКлиента" (for a TS: the owner's). */
    public String metadataName() {
        return metadataName;
    }

    public String synonym() {
        return synonym;
    }

    /** Header (or row) properties in the order a response lists them; tabular sections are not among them. */
    public Map<String, Property> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Optional<Property> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName));
    }

    /** Tabular sections by TS name ("Товары"), each as its row entity set. */
    public Map<String, EntitySet> tabularSections() {
        return Collections.unmodifiableMap(tabularSections);
    }

    public Optional<EntitySet> tabularSection(String tsName) {
        return Optional.ofNullable(tabularSections.get(tsName));
    }

    /** For a tabular-section set: the document or catalog it belongs to. */
    public EntitySet owner() {
        return owner;
    }

    /** For a tabular-section set: the TS name ("Товары"). */
    public String sectionName() {
        return sectionName;
    }

    /** NumberLength of a document or CodeLength of a catalog (0 = the catalog has no Code). */
    public int numberOrCodeLength() {
        return numberOrCodeLength;
    }

    public boolean isDocument() {
        return kind == Kind.DOCUMENT;
    }

    public boolean isCatalog() {
        return kind == Kind.CATALOG;
    }

    public boolean isTabularSection() {
        return kind == Kind.TABULAR_SECTION;
    }

    /** All property names a $select or $filter may name: header properties and TS names. */
    public boolean hasMember(String member) {
        return properties.containsKey(member) || tabularSections.containsKey(member);
    }

    public List<String> memberNames() {
        var names = new java.util.ArrayList<>(properties.keySet());
        names.addAll(tabularSections.keySet());
        return names;
    }

    @Override
    public String toString() {
        return name;
    }
}
