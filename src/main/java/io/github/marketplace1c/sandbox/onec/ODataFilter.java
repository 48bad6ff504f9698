package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@code $filter} expression compiled to a predicate over stored objects. Supported: comparisons {@code eq ne gt ge
 * lt le}, {@code and or not}, parentheses, the literals {@code guid'…'}, {@code datetime'…'}, {@code '…'} (a doubled
 * quote escapes a quote), numbers, {@code true/false/null}, header properties (including {@code X_Key}), and the string
 * functions {@code substringof, startswith, endswith, tolower, toupper, trim, length}. Anything else (navigation
 * paths, lambdas, arithmetic) is a parse error: 400 code 14, as a real base answers for a filter it cannot read.
 */
final class ODataFilter {

    private static final DateTimeFormatter OUTPUT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The fields of one record by OData property name (an ObjectNode, or a register row); null = absent. */
    interface Fields {
        JsonNode get(String name);
    }

    /**
     * What every matching record must satisfy, when the expression says so plainly: {@code property} equals one of
     * {@code values} (compared as the record's text). A top-level {@code A eq v} conjunct, or an {@code or} of such
     * equalities on one property, gives one; lets a caller answer from an index and test only the candidates.
     */
    record Constraint(String property, Set<String> values) {
    }

    /**
     * A compiled expression: the predicate, and an index-usable constraint when there is one (else null);
     * {@code conjuncts} holds every such constraint of the top-level conjunction, so a caller can pick the one its
     * index answers with the fewest candidates.
     */
    record Compiled(Predicate<Fields> predicate, Constraint constraint, List<Constraint> conjuncts) {
    }

    /** A typed value during evaluation: strings, BigDecimal numbers, Booleans, or null. */
    private interface Expr extends Function<Fields, Object> {
    }

    private final String text;
    private final String option;
    private final EntitySet set;
    private final List<String> tokens;
    private final Map<Expr, String> propertyOf = new IdentityHashMap<>();
    private final Map<Expr, String> literalOf = new IdentityHashMap<>();
    private final Map<Expr, Constraint> constraintOf = new IdentityHashMap<>();
    private final Map<Expr, List<Constraint>> conjunctsOf = new IdentityHashMap<>();
    private int position;

    private ODataFilter(String text, EntitySet set, String option) {
        this.text = text;
        this.option = option;
        this.set = set;
        this.tokens = tokenize(text);
    }

    static Predicate<ObjectNode> compile(String filter, EntitySet set) {
        return objects(compile(filter, set, "$filter"));
    }

    /** The compiled predicate over stored objects (their fields by OData property name). */
    static Predicate<ObjectNode> objects(Compiled compiled) {
        Predicate<Fields> predicate = compiled.predicate();
        return object -> predicate.test(object::get);
    }

    /** @param option the query option named in error texts: "$filter", "Condition" */
    static Compiled compile(String expression, EntitySet set, String option) {
        ODataFilter parser = new ODataFilter(expression, set, option);
        Expr expr = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.error("неожиданный фрагмент '" + parser.tokens.get(parser.position) + "'");
        }
        List<Constraint> conjuncts = parser.conjunctsOf.containsKey(expr) ? parser.conjunctsOf.get(expr)
                : parser.constraintOf.containsKey(expr) ? List.of(parser.constraintOf.get(expr)) : List.of();
        return new Compiled(fields -> Boolean.TRUE.equals(expr.apply(fields)), parser.constraintOf.get(expr),
                conjuncts);
    }

    // ---- grammar ---------------------------------------------------------------------------------------------------

    private Expr or() {
        Expr left = and();
        while (acceptKeyword("or")) {
            Expr l = left;
            Expr r = and();
            left = o -> truthy(l.apply(o)) || truthy(r.apply(o));
            Constraint a = constraintOf.get(l);
            Constraint b = constraintOf.get(r);
            if (a != null && b != null && a.property().equals(b.property())) {
                Set<String> values = new LinkedHashSet<>(a.values());
                values.addAll(b.values());
                constraintOf.put(left, new Constraint(a.property(), values));
            }
        }
        return left;
    }

    private Expr and() {
        Expr left = unary();
        while (acceptKeyword("and")) {
            Expr l = left;
            Expr r = unary();
            left = o -> truthy(l.apply(o)) && truthy(r.apply(o));
            Constraint either = constraintOf.getOrDefault(l, constraintOf.get(r));
            if (either != null) {
                constraintOf.put(left, either);
            }
            List<Constraint> all = new ArrayList<>(conjuncts(l));
            all.addAll(conjuncts(r));
            if (!all.isEmpty()) {
                conjunctsOf.put(left, all);
            }
        }
        return left;
    }

    /** The constraints every record matching {@code expr} satisfies: its own, or its conjuncts' if an {@code and}. */
    private List<Constraint> conjuncts(Expr expr) {
        if (conjunctsOf.containsKey(expr)) {
            return conjunctsOf.get(expr);
        }
        Constraint own = constraintOf.get(expr);
        return own == null ? List.of() : List.of(own);
    }

    private Expr unary() {
        if (acceptKeyword("not")) {
            Expr operand = unary();
            return o -> !truthy(operand.apply(o));
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = primary();
        String op = peek() == null ? null : peek().toLowerCase(Locale.ROOT);
        if (op != null && List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) {
            position++;
            Expr right = primary();
            Expr comparison = o -> compare(op, left.apply(o), right.apply(o));
            if (op.equals("eq")) {
                String property = propertyOf.containsKey(left) ? propertyOf.get(left) : propertyOf.get(right);
                String literal = literalOf.containsKey(right) ? literalOf.get(right) : literalOf.get(left);
                if (property != null && literal != null) {
                    constraintOf.put(comparison, new Constraint(property, Set.of(literal)));
                }
            }
            return comparison;
        }
        return left;
    }

    private Expr primary() {
        String token = next();
        if (token.equals("(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        if (token.startsWith("'")) {
            String value = unquote(token);
            Expr literal = o -> value;
            literalOf.put(literal, value);
            return literal;
        }
        int quote = token.indexOf('\'');
        if (quote > 0) {
            return typedLiteral(token.substring(0, quote).toLowerCase(Locale.ROOT), unquote(token.substring(quote)));
        }
        if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
            BigDecimal number = parseNumber(token);
            return o -> number;
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "true":
                return o -> Boolean.TRUE;
            case "false":
                return o -> Boolean.FALSE;
            case "null":
                return o -> null;
            default:
                break;
        }
        if ("(".equals(peek())) {
            return function(token);
        }
        return property(token);
    }

    private Expr typedLiteral(String prefix, String value) {
        switch (prefix) {
            case "guid":
                if (!EntityBinder.GUID.matcher(value).matches()) {
                    throw error("неверный литерал guid");
                }
                String guid = value.toLowerCase(Locale.ROOT);
                Expr guidLiteral = o -> guid;
                literalOf.put(guidLiteral, guid);
                return guidLiteral;
            case "datetime":
                String date = normaliseDate(value);
                Expr dateLiteral = o -> date;
                literalOf.put(dateLiteral, date);
                return dateLiteral;
            default:
                throw error("неподдерживаемый литерал " + prefix + "'…'");
        }
    }

    private Expr function(String name) {
        expect("(");
        List<Expr> args = new ArrayList<>();
        if (!")".equals(peek())) {
            args.add(or());
            while (",".equals(peek())) {
                position++;
                args.add(or());
            }
        }
        expect(")");
        String function = name.toLowerCase(Locale.ROOT);
        int arity = switch (function) {
            case "substringof", "startswith", "endswith", "cast" -> 2;
            case "tolower", "toupper", "trim", "length" -> 1;
            default -> throw error("неподдерживаемая функция '" + name + "'");
        };
        if (args.size() != arity) {
            throw error("функция '" + name + "' ожидает аргументов: " + arity);
        }
        return switch (function) {
            // cast(guid'…', 'Catalog_Склады') on a composite field: the value half compares as the GUID text
            case "cast" -> args.get(0);
            case "substringof" -> o -> str(args.get(1).apply(o)).contains(str(args.get(0).apply(o)));
            case "startswith" -> o -> str(args.get(0).apply(o)).startsWith(str(args.get(1).apply(o)));
            case "endswith" -> o -> str(args.get(0).apply(o)).endsWith(str(args.get(1).apply(o)));
            case "tolower" -> o -> str(args.get(0).apply(o)).toLowerCase(Locale.ROOT);
            case "toupper" -> o -> str(args.get(0).apply(o)).toUpperCase(Locale.ROOT);
            case "trim" -> o -> str(args.get(0).apply(o)).strip();
            default -> o -> BigDecimal.valueOf(str(args.get(0).apply(o)).length());
        };
    }

    private Expr property(String name) {
        if (!name.matches("[\\p{L}\\p{N}_]+")) {
            throw error("неподдерживаемое выражение '" + name + "'");
        }
        var property = set.property(name);
        if (property.isEmpty()) {
            throw error("свойство '" + name + "' не найдено у " + set.name());
        }
        Property.Kind kind = property.get().kind();
        boolean guid = kind == Property.Kind.GUID;
        Expr read = o -> {
            JsonNode value = o.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            return guid ? value.asText().toLowerCase(Locale.ROOT) : value.asText();
        };
        if (guid || kind == Property.Kind.COMPOSITE || kind == Property.Kind.STRING || kind == Property.Kind.ENUM
                || kind == Property.Kind.DATETIME) {
            propertyOf.put(read, name); // text-valued: an equality with a literal can be answered from an index
        }
        return read;
    }

    // ---- evaluation ------------------------------------------------------------------------------------------------

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static String str(Object value) {
        return value == null ? "" : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static Object compare(String op, Object left, Object right) {
        int order;
        if (left == null || right == null) {
            boolean same = Objects.equals(left, right);
            return switch (op) {
                case "eq" -> same;
                case "ne" -> !same;
                default -> false;
            };
        }
        if (left instanceof BigDecimal || right instanceof BigDecimal) {
            BigDecimal l = toNumber(left);
            BigDecimal r = toNumber(right);
            if (l == null || r == null) {
                return op.equals("ne");
            }
            order = l.compareTo(r);
        } else if (left instanceof Boolean || right instanceof Boolean) {
            boolean same = left.equals(right);
            return switch (op) {
                case "eq" -> same;
                case "ne" -> !same;
                default -> false;
            };
        } else {
            order = left.toString().compareTo(right.toString());
        }
        return switch (op) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            default -> order <= 0;
        };
    }

    /** Int64 values are stored as strings ("LineNumber": "1"), so a numeric comparison parses them. */
    private static BigDecimal toNumber(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String normaliseDate(String value) {
        try {
            return LocalDateTime.parse(value).format(OUTPUT_DATE);
        } catch (DateTimeParseException e) {
            throw error("неверный литерал datetime");
        }
    }

    private BigDecimal parseNumber(String token) {
        String digits = token.replaceAll("[mMlLdDfF]$", "");
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw error("неверное число '" + token + "'");
        }
    }

    // ---- tokens ----------------------------------------------------------------------------------------------------

    private List<String> tokenize(String input) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                result.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = endOfString(input, i);
                result.add(input.substring(i, end));
                i = end;
            } else {
                int start = i;
                while (i < input.length() && !Character.isWhitespace(input.charAt(i)) && "(),'".indexOf(input.charAt(i)) < 0) {
                    i++;
                }
                if (i < input.length() && input.charAt(i) == '\'') {
                    i = endOfString(input, i); // a typed literal: guid'…', datetime'…'
                }
                result.add(input.substring(start, i));
            }
        }
        return result;
    }

    private int endOfString(String input, int openingQuote) {
        int i = openingQuote + 1;
        while (i < input.length()) {
            if (input.charAt(i) == '\'') {
                if (i + 1 < input.length() && input.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw error("незакрытая строка");
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    private String peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private String next() {
        if (position >= tokens.size()) {
            throw error("неожиданный конец выражения");
        }
        return tokens.get(position++);
    }

    private void expect(String token) {
        if (!token.equals(peek())) {
            throw error("ожидалось '" + token + "'");
        }
        position++;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek() != null && peek().equalsIgnoreCase(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private ODataException error(String detail) {
        return ODataErrors.queryOption(option + "=" + text + ": " + detail);
    }
}
