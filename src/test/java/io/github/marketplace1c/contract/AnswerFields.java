package io.github.marketplace1c.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of an answer schema (inlined by {@link SpecTree}), one per leaf: its path ({@code a.b[].c}: dots between
 * names, {@code []} after an array, {@code *} for a map's values), its type and its description; and which of them
 * carry money, by the rule in docs/contracts.md ("How a money field is found").
 */
public final class AnswerFields {

    /** A leaf of the answer: a number, string, boolean, or an object/array the spec leaves open. */
    public record Field(String path, String type, String description, boolean money) {
    }

    /** Names that say money (camelCase, snake_case and the 1C attribute names alike). */
    static final Pattern MONEY_NAME = Pattern.compile(
            "(price|amount|sum|cost|fee|commission|payment|payout|penalt|compensation|bonus|charge|surcharge"
                    + "|paid|forpay|tariff|discount|subsid|cashback|coinvest|acquiring|reward|deduction|refund|payable|revenue|vat|logistic|storage"
                    + "|цена|сумм|стоимост|себестоимост|вознагражд)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Descriptions that say money. */
    static final Pattern MONEY_WORDS = Pattern.compile(
            "(\\bprice|\\bamount|\\bcost\\b|\\bfee\\b|commission|payment|penalt|compensation|\\bbonus"
                    + "|цен[аыуе]\\b|сумм|стоимост|руб|комисси|вознагражд|выплат|штраф|компенсац|доплат"
                    + "|удержан|эквайринг|баллами|перечислени|услуг|хранени|логистик)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Last words of a name that say "not an amount" even when a money word comes before them. */
    static final java.util.Set<String> NOT_AMOUNT = java.util.Set.of("id", "ids", "code", "codes", "name", "names",
            "type", "types", "status", "date", "dt", "at", "time", "kind", "group", "title", "text", "comment",
            "description", "currency", "mode", "method", "scheme", "schema", "number", "num", "count", "quantity",
            "qty", "percent", "prc", "url", "link", "uid", "key", "flag", "enabled", "required", "list", "options", "org",
            "bank", "inn", "tin");

    /** A name's words: split at underscores, dashes and lower-to-upper case changes. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("[_\\-\\s.]+")) {
            for (String word : part.split("(?<=\\p{Ll})(?=\\p{Lu})")) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    private AnswerFields() {
    }

    /** Leaf names that say only "a value": the field's parent says what the value is of. */
    static final java.util.Set<String> GENERIC = java.util.Set.of("value", "amount", "total", "sum", "units");

    /** Descriptions that say a count of things, not money. */
    static final Pattern QUANTITY_WORDS = Pattern.compile("(остат|количеств|штук|\\bquantity|\\bstock)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Descriptions that name a kind, a name or a flag, not an amount ("Тип платежа: ...", "Наименование банка"). */
    static final Pattern NOT_AMOUNT_DESCRIPTION = Pattern.compile(
            "^\\s*(процент|доля|ставка|значение индекса|тип|наименование|название|признак|код|id|идентификатор|номер|дата|способ|вид|организатор|type|name"
                    + "|date|identifier)\\b|,\\s*%|%\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The rule (docs/contracts.md, "How a money field is found"): a number, or a string (Ozon and Wildberries send
     * amounts as strings) that is neither an enum nor a formatted value (date, uuid), whose name or description
     * says money. The name is the field's own, and for a generic leaf
     * ({@code value}, {@code amount}, ...) its parent's too ({@code prices.payment.value}). Not money: a name whose
     * last word is an id/code/name/type/status/date/count/percent-like word, and a field whose description speaks
     * of a count of things (a stock {@code amount}) without a money word, or whose description starts by naming a
     * kind, a name, a flag or an id, or is a percentage ({@code ", %"}).
     */
    public static boolean money(String path, String type, JsonNode schema) {
        String[] segments = path.replace("[]", "").split("\\.");
        String leaf = segments[segments.length - 1];
        if (leaf.equals("*") || leaf.isEmpty()) {
            return false;
        }
        List<String> words = words(leaf);
        if (words.isEmpty() || NOT_AMOUNT.contains(words.get(words.size() - 1))) {
            return false;
        }
        String name = leaf;
        if (GENERIC.contains(leaf.toLowerCase(Locale.ROOT)) && segments.length > 1) {
            name = segments[segments.length - 2] + "_" + leaf;
        }
        String description = schema.path("description").asText("") + " " + schema.path("title").asText("");
        boolean moneyWords = MONEY_WORDS.matcher(description).find();
        if (!moneyWords && QUANTITY_WORDS.matcher(description).find()
                || NOT_AMOUNT_DESCRIPTION.matcher(description.trim()).find()) {
            return false;
        }
        boolean says = MONEY_NAME.matcher(name).find() || moneyWords;
        if (type.equals("number") || type.equals("integer")) {
            return says;
        }
        if (type.equals("string")) {
            return says && !schema.has("enum") && !schema.has("format");
        }
        return false;
    }

    public static List<Field> of(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        walk("", schema, fields, 0);
        return fields;
    }

    private static void walk(String path, JsonNode schema, List<Field> out, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 25) {
            return;
        }
        if (schema.has("x-mp1c-cycle")) {
            out.add(new Field(path, "object (recursive)", "", false));
            return;
        }
        String type = type(schema);
        if (type.equals("array")) {
            walk(path + "[]", schema.path("items"), out, depth + 1);
            return;
        }
        if (schema.path("properties").size() > 0) {
            schema.get("properties").fields().forEachRemaining(e ->
                    walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out, depth + 1));
            if (schema.path("additionalProperties").isObject()) {
                walk(path + ".*", schema.get("additionalProperties"), out, depth + 1);
            }
            return;
        }
        if (schema.path("additionalProperties").isObject()) {
            walk(path.isEmpty() ? "*" : path + ".*", schema.get("additionalProperties"), out, depth + 1);
            return;
        }
        if (path.isEmpty()) {
            return;
        }
        out.add(new Field(path, type, oneLine(schema.path("description").asText("")), money(path, type, schema)));
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "any";
    }

    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        return line.length() > 160 ? line.substring(0, 160) : line;
    }
}
