package io.github.marketplace1c.sandbox.onec;

import java.util.Set;

/**
 * One OData property of an entity set or of a tabular-section row, already in its OData form (a reference
 * attribute {@code Контрагент} is the property {@code Контрагент_Key} here; a composite attribute is two properties,
 * the value and its {@code _Type}).
 *
 * @param name           the OData property name
 * @param kind           how values are validated, stored and serialised
 * @param maxLength      for strings: the length a real base truncates to on write; 0 = unlimited
 * @param enumName       for enums: the 1C enumeration name (its values may be listed in the metadata file)
 * @param compositeTypes for composite values and their {@code _Type}: the allowed {@code _Type} values, or null when
 *                       the type is open (Characteristic, AnyRef, DefinedType) and any type must be accepted
 * @param partner        for a composite value the name of its {@code _Type} property and vice versa; otherwise null
 * @param readOnly       standard attributes a client cannot set (Ref_Key, DataVersion, Posted, Predefined, LineNumber):
 *                       known, so strict mode does not reject them, but ignored on write like a real base does
 */
public record Property(String name, Kind kind, int maxLength, String enumName, Set<String> compositeTypes,
                       String partner, boolean readOnly) {

    public static final String EMPTY_REF = "00000000-0000-0000-0000-000000000000";
    public static final String EMPTY_DATE = "0001-01-01T00:00:00";
    /** What an unfilled composite attribute reports as its type. */
    public static final String UNDEFINED_TYPE = "StandardODATA.Undefined";

    public enum Kind {
        /** Edm.Guid: references ({@code X_Key}), Ref_Key, Parent_Key, Owner_Key, v8:UUID. */
        GUID("Edm.Guid"),
        STRING("Edm.String"),
        /** Fractional 1C numbers: Edm.Double, a JSON number. */
        DOUBLE("Edm.Double"),
        /** Integer 1C numbers up to 4 digits: Edm.Int16, a JSON number. */
        INT16("Edm.Int16"),
        /** Integer 1C numbers up to 9 digits: Edm.Int32, a JSON number. */
        INT32("Edm.Int32"),
        /** Integer 1C numbers of 10+ digits and LineNumber: Edm.Int64, which 1C serialises as a JSON string. */
        INT64("Edm.Int64"),
        /** Edm.DateTime without zone, "2026-11-02T10:15:00". */
        DATETIME("Edm.DateTime"),
        BOOLEAN("Edm.Boolean"),
        /** An enum attribute: Edm.String holding the value name. */
        ENUM("Edm.String"),
        /** A DefinedType whose underlying type the metadata file does not give: a number or a string is accepted. */
        DEFINED("Edm.String"),
        /** The value half of a composite attribute: Edm.String (a GUID string or a primitive value). */
        COMPOSITE("Edm.String"),
        /** The {@code _Type} half of a composite attribute, e.g. "StandardODATA.Catalog_Номенклатура". */
        COMPOSITE_TYPE("Edm.String");

        private final String edmType;

        Kind(String edmType) {
            this.edmType = edmType;
        }

        public String edmType() {
            return edmType;
        }
    }

    public static Property of(String name, Kind kind) {
        return new Property(name, kind, 0, null, null, null, false);
    }

    public static Property string(String name, int maxLength) {
        return new Property(name, Kind.STRING, maxLength, null, null, null, false);
    }

    public Property asReadOnly() {
        return new Property(name, kind, maxLength, enumName, compositeTypes, partner, true);
    }
}
