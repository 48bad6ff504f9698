package io.github.marketplace1c.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Full" answers: an emulator's answer completed with every optional field the official spec defines that the
 * emulator left out, so a flow meets what a real marketplace may send and not only what the emulator's author
 * thought of. Switched on by {@code mp1c.sandbox.fullAnswers=true} (a setting of the sandbox, or a system property
 * for tests); off, answers pass untouched.
 *
 * <p>The schemas come from {@code sandbox/full-answers.json} (in the jar): each 2xx answer of each operation listed
 * in docs/contracts.md, inlined from the spec, its money fields marked as docs/contracts.md decides them
 * ({@code x-mp1c-money}: {@code read} or {@code ignored}); {@code contract/FullAnswersResourceTest} keeps it equal
 * to what the specs and the page give.
 *
 * <p>The rule, chosen so the flows stay consistent (the emulator's own records, counts and sums are not changed):
 * <ul>
 * <li>only fields absent from the answer are added; a field the emulator sent is never changed; paging fields
 * ({@code paging}, {@code nextPageToken}, {@code cursor}, {@code last_id}, {@code has_next}, {@code next}) are
 * never added: an invented "next page" would send the client after a page that does not exist; nor are states
 * ({@code status}, {@code subStatus}, ...) and result links ({@code file}, {@code ...url}): an invented state
 * says a job is done or has no data; nor an object holding money we read (an accrual's {@code non_item_fee}):
 * added, it would be a charge of a made-up kind (a field the spec requires is always added: a real answer has it);</li>
 * <li>an absent object is added with its fields filled; an absent array is added empty (never a phantom record);
 * the records of an array the emulator sent are completed one by one;</li>
 * <li>a money field we <b>ignore</b> on purpose gets a plausible non-zero amount (123.45; 12345 for integers, which
 * are kopecks in Wildberries' answers), so a flow test in full mode proves it is ignored; a money field we
 * <b>read</b> gets zero, so a sum the emulator's seed sets is not moved;</li>
 * <li>any other field: the spec's example, else an enum value (RUB/RUR/643 when the enum has it, else the first),
 * else a value of its format (date-time, date, uuid), else {@code "sample"}, 1, 1.5 (or the spec's minimum) or
 * {@code false}; a currency is the rouble (RUB, RUR or 643) whatever the example says (Wildberries' is 933);</li>
 * <li>an absent list that may not be empty ({@code minItems}) gets one value if it is a list of values, and stays
 * absent if it is a list of records.</li>
 * </ul>
 * Streamed answers (large Wildberries reports) and error answers are not completed.
 */
public final class SpecFullAnswers {

    public static final String SETTING = "mp1c.sandbox.fullAnswers";
    static final String RESOURCE = "sandbox/full-answers.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CURRENCY = Pattern.compile("RUB|RUR|643");
    /** Paging fields: they tell the client whether to ask again, so one the emulator left out is never invented. */
    private static final java.util.Set<String> PAGING = java.util.Set.of("paging", "nextPageToken", "prevPageToken",
            "page_token", "cursor", "last_id", "has_next", "next");

    private record Operation(String method, Pattern path, JsonNode schema) {
    }

    private final List<Operation> operations;
    private volatile boolean on;

    private SpecFullAnswers(List<Operation> operations, boolean on) {
        this.operations = operations;
        this.on = on;
    }

    /** The completer of one marketplace's answers ({@code ozon}, {@code wildberries}, {@code yandex-market}). */
    public static SpecFullAnswers of(String marketplace) {
        List<Operation> operations = new ArrayList<>();
        Specs.ALL.path(marketplace).fields().forEachRemaining(e -> {
            String[] key = e.getKey().split(" ", 2);
            String regex = Pattern.quote(key[1]).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            operations.add(new Operation(key[0], Pattern.compile(regex), e.getValue()));
        });
        return new SpecFullAnswers(List.copyOf(operations), Boolean.getBoolean(SETTING));
    }

    /** Loaded once, on first use: nothing is read when full answers are never asked for. */
    private static final class Specs {
        static final JsonNode ALL = load();

        private static JsonNode load() {
            try (InputStream in = SpecFullAnswers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the class path");
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public SpecFullAnswers switchOn(boolean on) {
        this.on = on;
        return this;
    }

    public boolean on() {
        return on;
    }

    /** The answer to send: {@code body} completed when full answers are on and the spec knows the operation. */
    public String fill(String method, String path, int status, String body) {
        if (!on || status < 200 || status > 299 || body == null || body.isBlank()) {
            return body;
        }
        for (Operation operation : operations) {
            if (operation.method.equalsIgnoreCase(method) && operation.path.matcher(path).matches()) {
                try {
                    JsonNode answer = JSON.readTree(body);
                    return JSON.writeValueAsString(complete(operation.schema, answer, "answer"));
                } catch (IOException e) {
                    return body;
                }
            }
        }
        return body;
    }

    /** The answer with what the schema defines and the answer lacks added (see the class comment for the rule). */
    static JsonNode complete(JsonNode schema, JsonNode node, String name) {
        if (node instanceof ObjectNode object && schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode present = object.get(property.getKey());
                if (present == null && !required(schema, property.getKey()) && (PAGING.contains(property.getKey())
                        || states(property.getKey()) || readsMoney(property.getValue()))) {
                    continue;
                }
                if (present == null) {
                    JsonNode sample = sample(property.getValue(), property.getKey());
                    // null: the spec allows no value we would add (a list of records that may not be empty)
                    if (sample != null) {
                        object.set(property.getKey(), sample);
                    }
                } else {
                    complete(property.getValue(), present, property.getKey());
                }
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            for (JsonNode item : array) {
                complete(schema.get("items"), item, name);
            }
        }
        return node;
    }

    private static boolean required(JsonNode schema, String name) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A state of a record or a job, or the link to its result: inventing one changes what the client does. */
    private static boolean states(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("status") || lower.equals("file") || lower.endsWith("url");
    }

    /** An object holding money we read: added, it would be a charge (of zero, of a made-up kind). */
    private static boolean readsMoney(JsonNode schema) {
        return schema.has("properties") && subtreeReads(schema);
    }

    private static boolean subtreeReads(JsonNode schema) {
        if (schema.path("x-mp1c-money").asText("").equals("read")) {
            return true;
        }
        for (JsonNode child : schema.path("properties")) {
            if (subtreeReads(child)) {
                return true;
            }
        }
        return schema.has("items") && subtreeReads(schema.get("items"));
    }

    private static JsonNode sample(JsonNode schema, String name) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                return complete(schema, NODES.objectNode(), name);
            }
            case "array" -> {
                if (schema.path("minItems").asInt(0) == 0) {
                    return NODES.arrayNode();
                }
                JsonNode items = schema.path("items");
                String itemType = items.path("type").asText("");
                if (itemType.equals("object") || itemType.equals("array")) {
                    return null;
                }
                JsonNode one = scalar(items, itemType, name);
                return one == null ? null : NODES.arrayNode().add(one);
            }
            default -> {
                return scalar(schema, type, name);
            }
        }
    }

    private static JsonNode scalar(JsonNode schema, String type, String name) {
        String money = schema.path("x-mp1c-money").asText("");
        if (!money.isEmpty()) {
            boolean ignored = money.equals("ignored");
            return switch (type) {
                case "string" -> NODES.textNode(ignored ? "123.45" : "0");
                case "integer" -> NODES.numberNode(ignored ? 12345 : 0);
                default -> NODES.numberNode(ignored ? new java.math.BigDecimal("123.45") : java.math.BigDecimal.ZERO);
            };
        }
        JsonNode enumeration = schema.path("enum");
        boolean currency = name.toLowerCase(java.util.Locale.ROOT).contains("currency");
        if (currency && !enumeration.isArray()) {
            return type.equals("integer") ? NODES.numberNode(643) : NODES.textNode("RUB");
        }
        if (enumeration.isArray() && !enumeration.isEmpty()) {
            for (JsonNode value : enumeration) {
                if (CURRENCY.matcher(value.asText()).matches()) {
                    return value;
                }
            }
            JsonNode example = schema.path("example");
            for (JsonNode value : enumeration) {
                if (value.equals(example)) {
                    return value;
                }
            }
            return enumeration.get(0);
        }
        JsonNode example = schema.path("example");
        if (example.isValueNode() && !example.isNull() && fits(example, type)) {
            return example;
        }
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> NODES.textNode(switch (format) {
                case "date-time" -> "2026-11-07T06:00:00Z";
                case "date" -> "2026-11-07";
                case "uuid" -> "00000000-0000-4000-8000-000000000001";
                default -> "sample";
            });
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1.5, schema.path("minimum").asDouble(1.5)));
            case "boolean" -> NODES.booleanNode(false);
            default -> null;
        };
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
