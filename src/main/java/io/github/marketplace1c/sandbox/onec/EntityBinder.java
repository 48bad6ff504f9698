package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.marketplace1c.sandbox.onec.Property.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns request bodies into stored objects the way a real base does (research notes §1.6/§1.7): values are
 * converted to the property's OData type, strings truncated to their metadata length, tabular sections replaced
 * as a whole with their LineNumber checked, unknown properties ignored. In strict mode the client mistakes a real
 * base would swallow silently are answered with 400 instead, so that tests catch them: unknown properties, a composite
 * value without its {@code _Type}, an enum value the metadata does not list, a non-numeric string for a number.
 */
final class EntityBinder {

    static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final DateTimeFormatter OUTPUT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** DefinedTypes of the three configurations that resolve to numbers (the rest are strings or references). */
    static final Set<String> NUMERIC_DEFINED_TYPES = Set.of("ДенежнаяСуммаЛюбогоЗнака",
            "ДенежнаяСуммаНеотрицательная", "Цена", "Объем", "Вес", "КурсВалюты");

    private final MetadataCatalog metadata;
    private final boolean strict;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    EntityBinder(MetadataCatalog metadata, boolean strict) {
        this.metadata = metadata;
        this.strict = strict;
    }

    /** A new object of that set with every property at its empty value, as a freshly created 1C object reads back. */
    ObjectNode defaults(EntitySet set, String ref) {
        ObjectNode object = nodes.objectNode();
        set.properties().values().forEach(p -> object.set(p.name(), defaultValue(p)));
        object.put("Ref_Key", ref);
        set.tabularSections().keySet().forEach(ts -> object.putArray(ts));
        return object;
    }

    JsonNode defaultValue(Property property) {
        return switch (property.kind()) {
            case GUID -> TextNode.valueOf(Property.EMPTY_REF);
            case STRING, ENUM, COMPOSITE -> TextNode.valueOf("");
            case COMPOSITE_TYPE -> TextNode.valueOf(Property.UNDEFINED_TYPE);
            case DOUBLE, INT16, INT32 -> LongNode.valueOf(0);
            case INT64 -> TextNode.valueOf("0");
            case DATETIME -> TextNode.valueOf(Property.EMPTY_DATE);
            case BOOLEAN -> BooleanNode.FALSE;
            case DEFINED -> NUMERIC_DEFINED_TYPES.contains(property.enumName()) ? LongNode.valueOf(0) : TextNode.valueOf("");
        };
    }

    /**
     * Applies a POST or PATCH body to {@code target} (which already carries its Ref_Key). Read-only standard
     * properties (Ref_Key, DataVersion, Posted, Predefined) are ignored like a real base ignores them.
     */
    void apply(EntitySet set, ObjectNode target, JsonNode body) {
        if (!(body instanceof ObjectNode fields)) {
            throw ODataErrors.internal("Непредвиденный символ при чтении JSON: ожидался объект");
        }
        String ref = target.path("Ref_Key").asText();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (isAnnotation(name)) {
                continue;
            }
            var section = set.tabularSection(name);
            if (section.isPresent()) {
                target.set(name, rows(section.get(), value, ref));
                continue;
            }
            var property = set.property(name);
            if (property.isEmpty()) {
                if (strict) {
                    throw ODataErrors.propertyNotFound(name, set.name());
                }
                continue;
            }
            if (property.get().readOnly()) {
                continue;
            }
            target.set(name, convert(property.get(), value));
        }
        checkComposites(set, target, fields);
    }

    private static boolean isAnnotation(String name) {
        return name.startsWith("odata.") || name.contains("@") || name.endsWith("____Presentation");
    }

    private ArrayNode rows(EntitySet rowsSet, JsonNode value, String ownerRef) {
        if (!(value instanceof ArrayNode array)) {
            throw ODataErrors.internal(ODataErrors.INTERNAL_ERROR_TEXT);
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode element : array) {
            if (!(element instanceof ObjectNode rowBody)) {
                throw ODataErrors.internal(ODataErrors.INTERNAL_ERROR_TEXT);
            }
            JsonNode lineNumber = rowBody.get("LineNumber");
            if (lineNumber == null || lineNumber.isNull()) {
                // what a real УТ 11 answers when a row has no LineNumber: the object is not written
                throw ODataErrors.internal(ODataErrors.INTERNAL_ERROR_TEXT);
            }
            long number = parseLineNumber(lineNumber, rowsSet);
            ObjectNode row = defaults(rowsSet, ownerRef);
            row.put("LineNumber", Long.toString(number));
            apply(rowsSet, row, rowBody);
            row.put("Ref_Key", ownerRef);
            rows.add(row);
        }
        rows.sort(Comparator.comparingLong(r -> Long.parseLong(r.path("LineNumber").asText())));
        for (int i = 0; i < rows.size(); i++) {
            long expected = i + 1L;
            if (Long.parseLong(rows.get(i).path("LineNumber").asText()) != expected) {
                throw ODataErrors.invalidValue("LineNumber: строки табличной части " + rowsSet.sectionName()
                        + " должны нумероваться с 1 подряд, ожидался номер " + expected + ", получен "
                        + rows.get(i).path("LineNumber").asText());
            }
        }
        ArrayNode result = nodes.arrayNode();
        rows.forEach(result::add);
        return result;
    }

    private static long parseLineNumber(JsonNode lineNumber, EntitySet rowsSet) {
        if (lineNumber.isIntegralNumber()) {
            return lineNumber.asLong();
        }
        if (lineNumber.isTextual()) {
            try {
                return Long.parseLong(lineNumber.asText().strip());
            } catch (NumberFormatException e) {
                throw ODataErrors.cannotParse(lineNumber.asText(), "Edm.Int64");
            }
        }
        throw ODataErrors.invalidValue("LineNumber в " + rowsSet.name() + ": " + lineNumber);
    }

    JsonNode convert(Property property, JsonNode value) {
        if (value == null || value.isNull()) {
            return defaultValue(property);
        }
        if (value.isContainerNode()) {
            // "array into string field → 500 code -1" on a real base
            throw ODataErrors.internal(ODataErrors.INTERNAL_ERROR_TEXT);
        }
        return switch (property.kind()) {
            case GUID -> guid(value);
            case STRING -> TextNode.valueOf(truncate(value.asText(), property.maxLength()));
            case DOUBLE -> number(property, value);
            case INT16, INT32 -> LongNode.valueOf(number(property, value).asLong());
            case INT64 -> TextNode.valueOf(Long.toString(number(property, value).asLong()));
            case DATETIME -> TextNode.valueOf(dateTime(value));
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw ODataErrors.cannotParse(value.asText(), "Edm.Boolean");
                }
                yield value;
            }
            case ENUM -> TextNode.valueOf(enumValue(property, value.asText()));
            case DEFINED -> NUMERIC_DEFINED_TYPES.contains(property.enumName()) ? number(property, value)
                    : value.isNumber() ? normalise(value.decimalValue()) : value;
            case COMPOSITE -> value.isNumber() ? normalise(value.decimalValue()) : value;
            case COMPOSITE_TYPE -> TextNode.valueOf(value.asText());
        };
    }

    private static JsonNode guid(JsonNode value) {
        String text = value.asText();
        if (!value.isTextual() || !GUID.matcher(text).matches()) {
            throw ODataErrors.cannotParse(text, "Edm.Guid");
        }
        return TextNode.valueOf(text.toLowerCase(Locale.ROOT));
    }

    private JsonNode number(Property property, JsonNode value) {
        if (value.isNumber()) {
            return normalise(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return normalise(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                if (strict) {
                    throw ODataErrors.cannotParse(value.asText(), property.kind().edmType());
                }
                return LongNode.valueOf(0); // a real base answers 200 and leaves the number at 0
            }
        }
        throw ODataErrors.cannotParse(value.asText(), property.kind().edmType());
    }

    /** 1990.00 → 1990, 331.670 → 331.67: 1C writes numbers without trailing zeros. */
    static JsonNode normalise(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            try {
                return LongNode.valueOf(stripped.longValueExact());
            } catch (ArithmeticException e) {
                return DecimalNode.valueOf(stripped.setScale(0));
            }
        }
        return DecimalNode.valueOf(stripped);
    }

    private String dateTime(JsonNode value) {
        String text = value.asText().strip();
        try {
            return LocalDateTime.parse(text).format(OUTPUT_DATE);
        } catch (DateTimeParseException notLocal) {
            try {
                return LocalDate.parse(text).atStartOfDay().format(OUTPUT_DATE);
            } catch (DateTimeParseException notDate) {
                try {
                    OffsetDateTime withZone = OffsetDateTime.parse(text);
                    if (strict) {
                        // 1C dates are server wall-clock without zone: a zone means the client forgot to convert
                        throw ODataErrors.cannotParse(text, "Edm.DateTime");
                    }
                    return withZone.toLocalDateTime().format(OUTPUT_DATE);
                } catch (DateTimeParseException notOffset) {
                    throw ODataErrors.cannotParse(text, "Edm.DateTime");
                }
            }
        }
    }

    private String enumValue(Property property, String value) {
        if (strict && !value.isEmpty()) {
            metadata.enumValues(property.enumName()).ifPresent(values -> {
                if (!values.contains(value)) {
                    throw ODataErrors.invalidValue("значение '" + value + "' свойства '" + property.name()
                            + "' не входит в перечисление " + property.enumName() + " " + values);
                }
            });
        }
        return value;
    }

    static String truncate(String text, int maxLength) {
        if (maxLength <= 0 || text.codePointCount(0, text.length()) <= maxLength) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxLength));
    }

    /**
     * A composite value and its {@code _Type} go together: the type says how to read the value. A reference type with
     * a value that is not a GUID cannot be parsed (400 code 1, as on a real base); a value without a type is a client
     * bug strict mode reports; non-strict mode guesses the type from the value.
     */
    private void checkComposites(EntitySet set, ObjectNode target, ObjectNode body) {
        for (Property property : set.properties().values()) {
            if (property.kind() != Kind.COMPOSITE || !body.has(property.name())) {
                continue;
            }
            JsonNode value = target.get(property.name());
            String typeName = property.partner();
            if (!body.has(typeName)) {
                if (strict) {
                    throw ODataErrors.missingValue("для свойства составного типа '" + property.name() + "' у "
                            + set.name() + " не указан его тип '" + typeName + "' (например \"StandardODATA.Catalog_…\")");
                }
                target.put(typeName, guessType(property, value));
                continue;
            }
            String type = target.path(typeName).asText();
            if (strict && property.compositeTypes() != null && !allowedType(property.compositeTypes(), type)) {
                throw ODataErrors.invalidValue("тип '" + type + "' недопустим для свойства составного типа '"
                        + property.name() + "' у " + set.name() + "; допустимы " + property.compositeTypes());
            }
            boolean reference = type.startsWith("StandardODATA.") && type.contains("_");
            String text = value.asText();
            if (reference && !text.isEmpty() && !GUID.matcher(text).matches()) {
                throw ODataErrors.cannotParse(text, "Edm.Guid");
            }
            if (reference) {
                target.put(property.name(), text.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean allowedType(Set<String> allowed, String type) {
        if (type.equals(Property.UNDEFINED_TYPE) || allowed.contains(type)) {
            return true;
        }
        boolean numeric = Set.of("Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Decimal", "Edm.Double").contains(type);
        return numeric && allowed.contains("Edm.Double");
    }

    private static String guessType(Property property, JsonNode value) {
        if (value.isNumber()) {
            return "Edm.Double";
        }
        if (value.isBoolean()) {
            return "Edm.Boolean";
        }
        String text = value.asText();
        if (text.isEmpty()) {
            return Property.UNDEFINED_TYPE;
        }
        if (GUID.matcher(text).matches() && property.compositeTypes() != null) {
            var references = property.compositeTypes().stream().filter(t -> t.startsWith("StandardODATA.")).toList();
            if (!references.isEmpty()) {
                return references.get(0);
            }
        }
        return "Edm.String";
    }
}
