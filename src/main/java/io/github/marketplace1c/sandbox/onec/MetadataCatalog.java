package io.github.marketplace1c.sandbox.onec;

import io.github.marketplace1c.sandbox.onec.Property.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData model of one configuration, parsed from its metadata file ({@code sandbox/onec/*-metadata.md}): entity
 * sets for every Document and Catalog section (with one row set per tabular section) and the enumeration values
 * the file lists, and the accumulation and information registers ({@link Register}: dimensions and resources), whose
 * virtual tables (Balance, SliceLast) {@link RegisterTables} serves.
 *
 * <p>The files come from two generators and differ in spelling ({@code boolean}/{@code Boolean},
 * {@code string(0)}/{@code String(unlim)}, {@code decimal(15,2)}/{@code Number(15,3)}, {@code dateTime}/{@code Date},
 * {@code CodeLength}/{@code codeLength}); the parser accepts both. A missing CodeLength means 0 (no Code property),
 * which is how the УТ file writes catalogs such as Контрагенты.
 */
public final class MetadataCatalog {

    private static final Pattern SECTION = Pattern.compile("^###\\s+(\\w+)\\.([^\\s—]+)\\s*(?:—\\s*(.*))?$");
    private static final Pattern KEY_VALUE = Pattern.compile("^-\\s+([^:]+):\\s*(.*)$");
    private static final Pattern TYPE_WITH_ARGS = Pattern.compile("^([^(]+)\\(([^)]*)\\)$");

    private final Map<String, EntitySet> entitySets = new LinkedHashMap<>();
    private final Map<String, List<String>> enumerations = new LinkedHashMap<>();
    private final Map<String, Register> registers = new LinkedHashMap<>();

    private MetadataCatalog() {
    }

    /** Parses the metadata file shipped on the classpath for that configuration. */
    public static MetadataCatalog forConfiguration(OneCEmulator.Configuration configuration) {
        String resource = "/sandbox/onec/" + configuration.metadataFile();
        try (InputStream in = MetadataCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("metadata resource not found on the classpath: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MetadataCatalog parse(String markdown) {
        MetadataCatalog catalog = new MetadataCatalog();
        RawObject current = null;
        boolean inEnumerations = false;
        for (String rawLine : markdown.split("\r?\n")) {
            String line = rawLine.strip();
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (current != null) {
                    catalog.build(current);
                    current = null;
                }
                inEnumerations = line.startsWith("## ") && line.toLowerCase(Locale.ROOT).contains("enumerations");
                Matcher section = SECTION.matcher(line);
                if (section.matches()) {
                    current = new RawObject(section.group(1), section.group(2),
                            section.group(3) == null ? "" : section.group(3).strip());
                }
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).strip();
            String value = kv.group(2).strip();
            if (inEnumerations) {
                catalog.addEnumeration(key, value);
            } else if (current != null) {
                current.put(key, value);
            }
        }
        if (current != null) {
            catalog.build(current);
        }
        return catalog;
    }

    public Collection<EntitySet> entitySets() {
        return Collections.unmodifiableCollection(entitySets.values());
    }

    /** Header sets and tabular-section sets alike, by OData name. */
    public Optional<EntitySet> entitySet(String name) {
        return Optional.ofNullable(entitySets.get(name));
    }

    /** Accumulation and information registers, in file order. */
    public Collection<Register> registers() {
        return Collections.unmodifiableCollection(registers.values());
    }

    /** A register by its OData name ("AccumulationRegister_ТоварыНаСкладах", "InformationRegister_ЦеныНоменклатуры"). */
    public Optional<Register> register(String name) {
        return Optional.ofNullable(registers.get(name));
    }

    /** The values of an enumeration when the file lists them completely; empty when unknown or listed only in part. */
    public Optional<List<String>> enumValues(String enumName) {
        return Optional.ofNullable(enumerations.get(enumName));
    }

    // ---- parsing -------------------------------------------------------------------------------------------------

    private void addEnumeration(String key, String value) {
        // "ХозяйственныеОперации (778 values, first 80)" is a partial list: validating against it would reject
        // values a real base accepts, so it is not recorded. "NOT PRESENT" means the enum is absent in that release.
        if (key.contains("(") || value.equalsIgnoreCase("NOT PRESENT") || value.isEmpty()) {
            return;
        }
        List<String> values = Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        enumerations.put(key, values);
    }

    /** One "### Kind.Name" section as read from the file, before it becomes an entity set. */
    private static final class RawObject {
        final String kind;
        final String name;
        final String synonym;
        final Map<String, String> settings = new LinkedHashMap<>();
        final List<String> attributes = new ArrayList<>();
        final Map<String, String> tabularSections = new LinkedHashMap<>();

        RawObject(String kind, String name, String synonym) {
            this.kind = kind;
            this.name = name;
            this.synonym = synonym;
        }

        void put(String key, String value) {
            if (key.startsWith("TS ")) {
                tabularSections.put(key.substring(3).strip(), value);
            } else if (key.equalsIgnoreCase("attributes")) {
                attributes.add(value);
            } else {
                settings.put(key.toLowerCase(Locale.ROOT), value);
            }
        }

        int intSetting(String key) {
            String value = settings.get(key);
            if (value == null) {
                return 0;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        boolean booleanSetting(String key) {
            return "true".equalsIgnoreCase(settings.getOrDefault(key, "false").strip());
        }
    }

    private void build(RawObject raw) {
        switch (raw.kind) {
            case "Document" -> buildDocument(raw);
            case "Catalog" -> buildCatalog(raw);
            case "AccumulationRegister" -> buildRegister(raw, Register.Kind.ACCUMULATION);
            case "InformationRegister" -> buildRegister(raw, Register.Kind.INFORMATION);
            default -> {
                // anything else: not served
            }
        }
    }

    private void buildDocument(RawObject raw) {
        String name = "Document_" + raw.name;
        EntitySet set = new EntitySet(name, EntitySet.Kind.DOCUMENT, raw.name, raw.synonym, null, null,
                raw.intSetting("numberlength"));
        set.add(Property.of("Ref_Key", Kind.GUID).asReadOnly());
        set.add(Property.of("DataVersion", Kind.STRING).asReadOnly());
        set.add(Property.of("DeletionMark", Kind.BOOLEAN));
        set.add(Property.string("Number", raw.intSetting("numberlength")));
        set.add(Property.of("Date", Kind.DATETIME));
        set.add(Property.of("Posted", Kind.BOOLEAN).asReadOnly());
        addAttributes(set, raw);
        addTabularSections(set, raw);
        entitySets.put(name, set);
    }

    private void buildCatalog(RawObject raw) {
        String name = "Catalog_" + raw.name;
        int codeLength = raw.intSetting("codelength");
        EntitySet set = new EntitySet(name, EntitySet.Kind.CATALOG, raw.name, raw.synonym, null, null, codeLength);
        set.add(Property.of("Ref_Key", Kind.GUID).asReadOnly());
        set.add(Property.of("DataVersion", Kind.STRING).asReadOnly());
        set.add(Property.of("DeletionMark", Kind.BOOLEAN));
        List<String> owners = raw.settings.containsKey("owners")
                ? Arrays.stream(raw.settings.get("owners").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        if (owners.size() == 1) {
            set.add(Property.of("Owner_Key", Kind.GUID));
        } else if (owners.size() > 1) {
            // several owner types: the owner is composite, like any composite attribute (Owner + Owner_Type)
            Set<String> types = new LinkedHashSet<>();
            owners.forEach(owner -> types.add(odataTypeName(owner.replace("Catalog.", "CatalogRef."))));
            set.add(new Property("Owner", Kind.COMPOSITE, 0, null, types, "Owner_Type", false));
            set.add(new Property("Owner_Type", Kind.COMPOSITE_TYPE, 0, null, types, "Owner", false));
        }
        boolean hierarchical = raw.booleanSetting("hierarchical");
        if (hierarchical) {
            set.add(Property.of("Parent_Key", Kind.GUID));
            set.add(Property.of("IsFolder", Kind.BOOLEAN));
        }
        if (codeLength > 0) {
            set.add(Property.string("Code", codeLength));
        }
        String descriptionLength = raw.settings.get("descriptionlength");
        if (descriptionLength == null || raw.intSetting("descriptionlength") > 0) {
            set.add(Property.string("Description", raw.intSetting("descriptionlength")));
        }
        addAttributes(set, raw);
        set.add(Property.of("Predefined", Kind.BOOLEAN).asReadOnly());
        set.add(Property.string("PredefinedDataName", 0).asReadOnly());
        addTabularSections(set, raw);
        entitySets.put(name, set);
    }

    private void buildRegister(RawObject raw, Register.Kind kind) {
        // the УТ file omits RegisterType and writes no periodicity for non-periodic registers: Balance / Nonperiodical
        boolean balance = !"turnovers".equalsIgnoreCase(raw.settings.getOrDefault("registertype", "Balance").strip());
        String periodicity = raw.settings.getOrDefault("informationregisterperiodicity", "Nonperiodical").strip();
        boolean periodic = !periodicity.equalsIgnoreCase("Nonperiodical");
        boolean subordinate = "RecorderSubordinate".equalsIgnoreCase(
                raw.settings.getOrDefault("writemode", "Independent").strip());
        Register register = new Register(kind, raw.name, raw.synonym, balance, periodic, subordinate,
                registerProperties(raw.settings.get("dimensions")), registerProperties(raw.settings.get("resources")));
        registers.put(register.name(), register);
    }

    /**
     * Register fields in OData form. A DefinedType that is not a number (ОжидаемаяОтгрузкаИлиПоступление: several
     * document types) is composite in a real base, so it becomes {@code X} + {@code X_Type} here.
     */
    private static List<Property> registerProperties(String list) {
        List<Property> result = new ArrayList<>();
        if (list == null) {
            return result;
        }
        for (String[] attribute : attributes(list)) {
            for (Property property : properties(attribute[0], attribute[1])) {
                if (property.kind() == Kind.DEFINED && !EntityBinder.NUMERIC_DEFINED_TYPES.contains(property.enumName())) {
                    result.add(new Property(property.name(), Kind.COMPOSITE, 0, null, null, property.name() + "_Type", false));
                    result.add(new Property(property.name() + "_Type", Kind.COMPOSITE_TYPE, 0, null, null, property.name(), false));
                } else {
                    result.add(property);
                }
            }
        }
        return result;
    }

    private static void addAttributes(EntitySet set, RawObject raw) {
        for (String list : raw.attributes) {
            for (String[] attribute : attributes(list)) {
                properties(attribute[0], attribute[1]).forEach(set::add);
            }
        }
    }

    private void addTabularSections(EntitySet set, RawObject raw) {
        raw.tabularSections.forEach((tsName, list) -> {
            EntitySet rows = new EntitySet(set.name() + "_" + tsName, EntitySet.Kind.TABULAR_SECTION, raw.name,
                    raw.synonym, set, tsName, 0);
            rows.add(Property.of("Ref_Key", Kind.GUID).asReadOnly());
            rows.add(Property.of("LineNumber", Kind.INT64));
            for (String[] attribute : attributes(list)) {
                properties(attribute[0], attribute[1]).forEach(rows::add);
            }
            set.addTabularSection(rows);
            entitySets.put(rows.name(), rows);
        });
    }

    /** "a:T; b:T" → [[a, T], [b, T]]; the type may itself contain ':' (v8:UUID), the name never does. */
    private static List<String[]> attributes(String list) {
        List<String[]> result = new ArrayList<>();
        for (String item : list.split(";")) {
            String entry = item.strip();
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            result.add(new String[] {entry.substring(0, colon).strip(), entry.substring(colon + 1).strip()});
        }
        return result;
    }

    /** The OData properties one 1C attribute becomes (§1.3 of the research notes). */
    static List<Property> properties(String attribute, String typeSpec) {
        String[] alternatives = typeSpec.split("\\|");
        if (alternatives.length > 1) {
            Set<String> types = new LinkedHashSet<>();
            boolean open = false;
            for (String alternative : alternatives) {
                String typeName = odataTypeName(alternative.strip());
                if (typeName == null) {
                    open = true;
                } else {
                    types.add(typeName);
                }
            }
            Set<String> allowed = open ? null : Set.copyOf(types);
            return List.of(
                    new Property(attribute, Kind.COMPOSITE, 0, null, allowed, attribute + "_Type", false),
                    new Property(attribute + "_Type", Kind.COMPOSITE_TYPE, 0, null, allowed, attribute, false));
        }
        String type = typeSpec.strip();
        String base = type;
        String args = "";
        Matcher withArgs = TYPE_WITH_ARGS.matcher(type);
        if (withArgs.matches()) {
            base = withArgs.group(1).strip();
            args = withArgs.group(2).strip();
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("enumref.")) {
            return List.of(new Property(attribute, Kind.ENUM, 0, base.substring("EnumRef.".length()), null, null, false));
        }
        if (lower.matches("^\\w+ref\\..+")) {
            return List.of(Property.of(attribute + "_Key", Kind.GUID));
        }
        if (lower.startsWith("characteristic.") || lower.startsWith("anyref") || lower.startsWith("anyibref")) {
            return List.of(
                    new Property(attribute, Kind.COMPOSITE, 0, null, null, attribute + "_Type", false),
                    new Property(attribute + "_Type", Kind.COMPOSITE_TYPE, 0, null, null, attribute, false));
        }
        if (lower.startsWith("definedtype.")) {
            return List.of(new Property(attribute, Kind.DEFINED, 0, base.substring("DefinedType.".length()), null,
                    null, false));
        }
        switch (lower) {
            case "string":
                return List.of(Property.string(attribute, parseLength(args)));
            case "decimal":
            case "number":
                return List.of(Property.of(attribute, numberKind(args)));
            case "boolean":
                return List.of(Property.of(attribute, Kind.BOOLEAN));
            case "datetime":
            case "date":
                return List.of(Property.of(attribute, Kind.DATETIME));
            case "v8:uuid":
            case "uuid":
                return List.of(Property.of(attribute, Kind.GUID));
            case "v8:valuestorage":
            case "valuestorage":
                return List.of(Property.string(attribute + "_Base64Data", 0), Property.string(attribute + "_Type", 0));
            default:
                // a type this parser does not know: keep the attribute, accept any scalar
                return List.of(new Property(attribute, Kind.DEFINED, 0, base, null, null, false));
        }
    }

    private static int parseLength(String args) {
        if (args.isEmpty() || args.equalsIgnoreCase("unlim")) {
            return 0;
        }
        try {
            return Integer.parseInt(args.split(",")[0].strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * 1C maps an integer Number(p,0) to Edm.Int16/Int32/Int64 by its precision and a fractional one to Edm.Double
     * (a real УТ $metadata has КодСтроки, a Number(10,0), as Edm.Int64).
     */
    private static Kind numberKind(String args) {
        if (args.isEmpty()) {
            return Kind.DOUBLE;
        }
        String[] parts = args.split(",");
        try {
            int precision = Integer.parseInt(parts[0].strip());
            int scale = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0;
            if (scale > 0) {
                return Kind.DOUBLE;
            }
            return precision <= 4 ? Kind.INT16 : precision <= 9 ? Kind.INT32 : Kind.INT64;
        } catch (NumberFormatException e) {
            return Kind.DOUBLE;
        }
    }

    /** The {@code _Type} literal of one alternative of a composite type, or null when that alternative is open. */
    static String odataTypeName(String alternative) {
        String base = alternative.contains("(") ? alternative.substring(0, alternative.indexOf('(')).strip() : alternative;
        int dot = base.indexOf('.');
        String lower = base.toLowerCase(Locale.ROOT);
        if (dot > 0) {
            String prefix = base.substring(0, dot);
            String objectName = base.substring(dot + 1);
            return switch (prefix) {
                case "CatalogRef" -> "StandardODATA.Catalog_" + objectName;
                case "DocumentRef" -> "StandardODATA.Document_" + objectName;
                case "EnumRef" -> "StandardODATA." + objectName; // EnumType names carry no prefix in a real EDMX
                case "ChartOfAccountsRef" -> "StandardODATA.ChartOfAccounts_" + objectName;
                case "ChartOfCharacteristicTypesRef" -> "StandardODATA.ChartOfCharacteristicTypes_" + objectName;
                case "ChartOfCalculationTypesRef" -> "StandardODATA.ChartOfCalculationTypes_" + objectName;
                case "ExchangePlanRef" -> "StandardODATA.ExchangePlan_" + objectName;
                case "BusinessProcessRef" -> "StandardODATA.BusinessProcess_" + objectName;
                case "TaskRef" -> "StandardODATA.Task_" + objectName;
                default -> null; // Characteristic.X, DefinedType.X: any type
            };
        }
        return switch (lower) {
            case "string" -> "Edm.String";
            case "decimal", "number" -> "Edm.Double";
            case "boolean" -> "Edm.Boolean";
            case "datetime", "date" -> "Edm.DateTime";
            default -> null;
        };
    }
}
